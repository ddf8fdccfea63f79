/*
 * Copyright 2026 The DORA Metrics for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// @ts-check

/**
 * The v2 facts (pull request commits, stages per pull request, reopened
 * incidents, reverts, automated changes) are derived by code the stored facts
 * predate. Every entity's facts are marked stale, so that the next reconcile
 * derives them again from the raw events already stored; no event is touched.
 * Until then the v1 facts keep answering reads, rather than nothing.
 *
 * An entity is stale when its `version` is above its `computed_version`
 * (what `dirtyEntities` reads): the version is raised, as a new event would.
 * An entity with attributed events but no state row (none should exist, but
 * a row lost would hide its facts from every recompute) gets one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('dora_entity_state').update({
    version: knex.raw('?? + 1', ['version']),
  });
  const missing = await knex('dora_attributions')
    .distinct('entity_ref')
    .whereNotExists(
      knex('dora_entity_state')
        .select('entity_ref')
        .whereRaw('?? = ??', [
          'dora_entity_state.entity_ref',
          'dora_attributions.entity_ref',
        ]),
    )
    .orderBy('entity_ref');
  // Small batches: SQLite allows only so many bound values per statement.
  for (let i = 0; i < missing.length; i += 100) {
    await knex('dora_entity_state').insert(
      missing.slice(i, i + 100).map(({ entity_ref }) => ({
        entity_ref,
        version: 1,
        computed_version: 0,
      })),
    );
  }
};

/**
 * Nothing to undo: facts derived again by the newer code are read by the
 * older code like any others, and lowering versions could make an entity
 * changed since look up to date.
 *
 * @param {import('knex').Knex} _knex
 */
exports.down = async function down(_knex) {};

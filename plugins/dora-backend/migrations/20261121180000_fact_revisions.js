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
 * A revision of each entity's derived facts, raised every time they are
 * replaced, so that a reader holding them in memory knows, with one indexed
 * read, whether they are still current (also when another replica derived
 * them).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dora_entity_state', table => {
    table
      .integer('facts_revision')
      .notNullable()
      .defaultTo(0)
      .comment('raised each time its facts are replaced');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dora_entity_state', table => {
    table.dropColumn('facts_revision');
  });
};

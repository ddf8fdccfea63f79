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
 * Automated (bot) changes: whether a change was made by a bot, decided at
 * ingestion, and how many automated changes each deployment fact left out of
 * its lead-time and stage samples. Only the flag is stored, never who made
 * the change. Existing rows are human changes and left out none.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dora_changes', table => {
    table
      .boolean('automated')
      .notNullable()
      .defaultTo(false)
      .comment('made by a bot; who is never stored');
  });
  await knex.schema.alterTable('dora_deployment_facts', table => {
    table
      .integer('automated_excluded')
      .notNullable()
      .defaultTo(0)
      .comment('automated changes left out of the lead-time samples');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dora_deployment_facts', table => {
    table.dropColumn('automated_excluded');
  });
  await knex.schema.alterTable('dora_changes', table => {
    table.dropColumn('automated');
  });
};

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
 * Reverts and reopened incidents. A commit or pull request that reverts
 * another keeps only what it reverts (a sha, a pull request number), never
 * its message; an incident keeps when it was last reopened, so that a
 * resolution older than the reopen, delivered late, does not close it.
 * Existing rows revert nothing and were never reopened; a recompute derives
 * the same facts from them as before.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dora_changes', table => {
    table
      .string('revert_of', 255)
      .nullable()
      .comment('sha (maybe abbreviated) of the commit it reverts');
    table
      .integer('revert_of_pr')
      .nullable()
      .comment('number of the pull request of its repository it reverts');
  });
  await knex.schema.alterTable('dora_pull_requests', table => {
    table
      .string('revert_of', 255)
      .nullable()
      .comment('sha its body names as reverted');
    table
      .integer('revert_of_pr')
      .nullable()
      .comment('number of the pull request its body names as reverted');
  });
  await knex.schema.alterTable('dora_incidents', table => {
    table
      .bigInteger('reopened_at')
      .nullable()
      .comment('last reopen; a resolution before it does not close it');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dora_incidents', table => {
    table.dropColumn('reopened_at');
  });
  await knex.schema.alterTable('dora_pull_requests', table => {
    table.dropColumn('revert_of');
    table.dropColumn('revert_of_pr');
  });
  await knex.schema.alterTable('dora_changes', table => {
    table.dropColumn('revert_of');
    table.dropColumn('revert_of_pr');
  });
};

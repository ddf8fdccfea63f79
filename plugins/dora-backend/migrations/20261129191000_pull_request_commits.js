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
 * Pull request commits: the earliest commit of a change's pull request as
 * its source knows it (push API `pullRequest.firstCommitAt`, for the commits
 * a squash replaced), and an index to find a pull request's commits in a
 * repository. Existing rows know no first commit; a recompute derives the
 * new lead-time samples from the commits already stored.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dora_changes', table => {
    table
      .bigInteger('pr_first_commit_at')
      .nullable()
      .comment('earliest commit of the pull request, epoch ms');
    table.index(['repository', 'pr_number'], 'dora_changes_pr_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dora_changes', table => {
    table.dropIndex(['repository', 'pr_number'], 'dora_changes_pr_idx');
    table.dropColumn('pr_first_commit_at');
  });
};

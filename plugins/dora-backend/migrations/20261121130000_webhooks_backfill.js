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
 * State kept for the provider connections: webhook deliveries already applied
 * (their id is the idempotency key), pull requests seen through webhooks
 * before their merge commit is known, and the cursor of each backfill job so
 * that a backfill resumes where it stopped after a restart.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dora_webhook_deliveries', table => {
    table.comment('Webhook deliveries already applied, for idempotency');
    table.string('source', 100).notNullable();
    table.string('delivery_id', 255).notNullable();
    table.bigInteger('received_at').notNullable();
    table.primary(['source', 'delivery_id']);
    table.index(['received_at'], 'dora_webhook_deliveries_time_idx');
  });

  await knex.schema.createTable('dora_pull_requests', table => {
    table.comment(
      'Pull / merge requests as seen so far, merged field by field',
    );
    table.string('source', 100).notNullable();
    table.string('repository', 400).notNullable();
    table.integer('number').notNullable();
    table.bigInteger('created_at').nullable();
    table
      .bigInteger('first_review_at')
      .nullable()
      .comment('earliest review by someone other than the author');
    table.bigInteger('merged_at').nullable();
    table.string('merge_sha', 255).nullable();
    table.bigInteger('updated_at').notNullable();
    table.primary(['source', 'repository', 'number']);
    table.index(['repository', 'merge_sha'], 'dora_pull_requests_sha_idx');
  });

  await knex.schema.createTable('dora_backfill_state', table => {
    table.comment('One backfill job (provider, target, step) and its cursor');
    table.string('job_key', 600).primary();
    table.string('source', 100).notNullable();
    table
      .string('target', 400)
      .notNullable()
      .comment('repository or service id');
    table.string('step', 50).notNullable();
    table
      .string('status', 20)
      .notNullable()
      .comment('pending | running | done | failed');
    table.text('cursor').nullable().comment('JSON: where the next page starts');
    table.integer('pages_done').notNullable().defaultTo(0);
    table.integer('pages_total').nullable();
    table.integer('items').notNullable().defaultTo(0);
    table
      .bigInteger('since')
      .notNullable()
      .comment('oldest time this run fetches');
    table.bigInteger('run_started_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.text('error').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dora_backfill_state');
  await knex.schema.dropTable('dora_pull_requests');
  await knex.schema.dropTable('dora_webhook_deliveries');
};

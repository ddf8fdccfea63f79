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
 * Raw events (kept whole, keyed by `source:id`), their attribution to catalog
 * entities, and the facts derived from them per entity. Times are epoch
 * milliseconds in BIGINT columns so that SQLite, PostgreSQL and MySQL compare
 * and return them alike.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dora_deployments', table => {
    table.comment(
      'Deployments as pushed or received, one row per source and id',
    );
    table.increments('id');
    table.string('event_key', 400).notNullable().unique().comment('source:id');
    table.string('source', 100).notNullable();
    table.string('external_id', 255).notNullable();
    table.string('entity_ref', 400).nullable().comment('named by the sender');
    table.string('repository', 400).nullable();
    table.string('environment', 255).notNullable();
    table.string('status', 20).notNullable();
    table.string('kind', 20).notNullable();
    table.bigInteger('started_at').nullable();
    table.bigInteger('finished_at').notNullable();
    table.string('sha', 255).nullable();
    table.string('rollback_of', 400).nullable();
    table
      .text('commits')
      .nullable()
      .comment('JSON list of commits the sender listed');
    table.text('url').nullable();
    table.string('content_hash', 64).notNullable();
    table.bigInteger('received_at').notNullable();
    table.index(['repository'], 'dora_deployments_repository_idx');
  });

  await knex.schema.createTable('dora_changes', table => {
    table.comment('Commits with their first parent and pull request');
    table.increments('id');
    table.string('source', 100).notNullable();
    table.string('repository', 400).notNullable();
    table.string('sha', 255).notNullable();
    table.bigInteger('committed_at').notNullable();
    table.bigInteger('authored_at').nullable();
    table.string('first_parent', 255).nullable();
    table.text('parents').nullable().comment('JSON list, first parent first');
    table.integer('pr_number').nullable();
    table.bigInteger('pr_created_at').nullable();
    table.bigInteger('pr_first_review_at').nullable();
    table.bigInteger('pr_merged_at').nullable();
    table.string('content_hash', 64).notNullable();
    table.bigInteger('received_at').notNullable();
    table.unique(['repository', 'sha'], {
      indexName: 'dora_changes_repo_sha_uq',
    });
  });

  await knex.schema.createTable('dora_incidents', table => {
    table.comment('Incidents as pushed or received, one row per source and id');
    table.increments('id');
    table.string('event_key', 400).notNullable().unique().comment('source:id');
    table.string('source', 100).notNullable();
    table.string('external_id', 255).notNullable();
    table.string('entity_ref', 400).nullable();
    table.string('service', 255).nullable();
    table.text('title').nullable();
    table.string('severity', 100).nullable();
    table.bigInteger('started_at').notNullable();
    table.bigInteger('resolved_at').nullable();
    table.string('cause_deployment_id', 400).nullable();
    table.string('cause_sha', 255).nullable();
    table.text('url').nullable();
    table.string('content_hash', 64).notNullable();
    table.bigInteger('received_at').notNullable();
    table.index(['service'], 'dora_incidents_service_idx');
  });

  await knex.schema.createTable('dora_attributions', table => {
    table.comment(
      'Which entity each event belongs to, and its owners at ingestion',
    );
    table
      .string('event_type', 20)
      .notNullable()
      .comment('deployment | incident');
    table.integer('event_id').notNullable();
    table.string('entity_ref', 400).notNullable();
    table.string('matched_by', 100).notNullable();
    table
      .text('owner_chain')
      .notNullable()
      .comment('JSON: owner group, then its ancestors');
    table.bigInteger('attributed_at').notNullable();
    table.primary(['event_type', 'event_id', 'entity_ref']);
    table.index(['entity_ref', 'event_type'], 'dora_attributions_entity_idx');
  });

  await knex.schema.createTable('dora_entity_state', table => {
    table.comment('Entities whose facts must be derived again');
    table.string('entity_ref', 400).primary();
    table
      .integer('version')
      .notNullable()
      .comment('raised each time its events change');
    table
      .integer('computed_version')
      .notNullable()
      .comment('version its facts were derived from');
    table.bigInteger('computed_at').nullable();
  });

  await knex.schema.createTable('dora_deployment_facts', table => {
    table.comment('Counted deployments of an entity and what they led to');
    table.string('entity_ref', 400).notNullable();
    table.integer('deployment_id').notNullable();
    table.bigInteger('finished_at').notNullable();
    table.boolean('failed').notNullable();
    table.boolean('unplanned').notNullable();
    table.boolean('commits_unknown').notNullable();
    table.integer('clock_skewed').notNullable();
    table.text('lead_times').notNullable().comment('JSON hours, non-negative');
    table.text('stages').notNullable().comment('JSON hours per stage');
    table.text('commits').notNullable().comment('JSON shipped commits');
    table.text('owner_chain').notNullable();
    table.primary(['entity_ref', 'deployment_id']);
    table.index(
      ['entity_ref', 'finished_at'],
      'dora_deployment_facts_time_idx',
    );
  });

  await knex.schema.createTable('dora_recovery_facts', table => {
    table.comment('Failed deployment recovery samples');
    table.string('entity_ref', 400).notNullable();
    table.string('kind', 20).notNullable().comment('incident | rollback');
    table.bigInteger('at').notNullable();
    table.double('hours').notNullable();
    table.integer('deployment_id').notNullable();
    table
      .string('recovered_by', 400)
      .notNullable()
      .comment('incident or rollback event key');
    table.text('owner_chain').notNullable();
    table.index(['entity_ref', 'at'], 'dora_recovery_facts_time_idx');
  });

  await knex.schema.createTable('dora_incident_facts', table => {
    table.comment(
      'Incidents of an entity and the deployment each is linked to',
    );
    table.string('entity_ref', 400).notNullable();
    table.integer('incident_id').notNullable();
    table.bigInteger('started_at').notNullable();
    table.bigInteger('resolved_at').nullable();
    table.integer('linked_deployment_id').nullable();
    table.string('linked_by', 20).nullable();
    table.text('owner_chain').notNullable();
    table.primary(['entity_ref', 'incident_id']);
    table.index(['entity_ref', 'started_at'], 'dora_incident_facts_time_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'dora_incident_facts',
    'dora_recovery_facts',
    'dora_deployment_facts',
    'dora_entity_state',
    'dora_attributions',
    'dora_incidents',
    'dora_changes',
    'dora_deployments',
  ]) {
    await knex.schema.dropTable(table);
  }
};

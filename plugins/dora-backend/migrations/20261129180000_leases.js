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
 * Leases: work that must run on one replica at a time across every replica
 * sharing the database (a full recompute reads every event, so two at once
 * only double the load). A replica takes a lease by moving its expiry
 * forward with a conditional update, renews it while it works, and clears
 * it when done; a replica that crashed holding one loses it at its expiry.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dora_leases', table => {
    table.comment('work that runs on one replica at a time');
    table.string('name', 64).primary().comment('what the lease guards');
    table
      .string('holder', 64)
      .notNullable()
      .comment('the run holding it; empty when free');
    table
      .bigInteger('expires_at')
      .notNullable()
      .comment('epoch ms; free from then on, whoever held it');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dora_leases');
};

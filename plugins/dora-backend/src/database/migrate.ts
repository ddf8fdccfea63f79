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

import { Knex } from 'knex';
import { isConcurrencyConflict } from './conflictRetry';

const ATTEMPTS = 20;

/**
 * Replicas starting together on a fresh database race to create knex's
 * bookkeeping tables (the loser gets a duplicate type or table error) or find
 * the migration lock taken. The lock below prevents that on PostgreSQL and
 * MySQL; should it still happen (a lock wait timing out), it is transient:
 * wait and run `latest` again, which sees the winner's work.
 */
function isMigrationRace(error: unknown): boolean {
  const e = error as { code?: unknown; name?: unknown; message?: unknown };
  return (
    isConcurrencyConflict(error) ||
    e?.code === '42P07' || // PostgreSQL duplicate_table
    e?.code === 'ER_TABLE_EXISTS_ERROR' ||
    e?.name === 'MigrationLocked' ||
    /already locked|already exists/i.test(String(e?.message))
  );
}

// "dora" in ASCII: the advisory lock key of this plugin's migrations.
const LOCK_KEY = 0x646f7261;

type Connection = unknown;

/** Lock and unlock statements of the dialect, or undefined when it needs none. */
function migrationLock(client: Knex) {
  const dialect = String(client.client.config.client);
  const on = (query: Knex.Raw, connection: Connection) =>
    query.connection(connection);
  if (/^(pg|postgres)/.test(dialect)) {
    return {
      lock: (c: Connection) =>
        on(client.raw('select pg_advisory_lock(?)', [LOCK_KEY]), c),
      unlock: (c: Connection) =>
        on(client.raw('select pg_advisory_unlock(?)', [LOCK_KEY]), c),
    };
  }
  if (/^mysql/.test(dialect)) {
    return {
      lock: (c: Connection) =>
        on(client.raw('select get_lock(?, 600)', ['dora_migrations']), c),
      unlock: (c: Connection) =>
        on(client.raw('select release_lock(?)', ['dora_migrations']), c),
    };
  }
  return undefined;
}

/**
 * Runs `work` holding a database-wide lock (PostgreSQL advisory lock, MySQL
 * GET_LOCK) on a connection of its own, so that replicas migrate one after
 * the other: knex's own lock table is created without one, and two first
 * starts can collide on it. SQLite is one process; it needs none.
 */
async function withMigrationLock(client: Knex, work: () => Promise<void>) {
  const statements = migrationLock(client);
  if (!statements) {
    await work();
    return;
  }
  const connection = await client.client.acquireConnection();
  try {
    await statements.lock(connection);
    await work();
  } finally {
    await statements.unlock(connection).catch(() => undefined);
    await client.client.releaseConnection(connection);
  }
}

export async function migrateToLatest(
  client: Knex,
  directory: string,
  pauseMs = 250,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await withMigrationLock(client, () =>
        client.migrate.latest({ directory }),
      );
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS || !isMigrationRace(error)) throw error;
      await new Promise(r => setTimeout(r, pauseMs * (1 + Math.random())));
    }
  }
}

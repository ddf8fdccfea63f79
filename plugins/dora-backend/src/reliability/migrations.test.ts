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

import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex, knex as createKnex } from 'knex';
import { DatabaseDoraStore } from '../database/DatabaseDoraStore';
import {
  createTestDatabases,
  databaseServiceOf,
} from '../__testUtils__/testDatabase';
import {
  DEMO_NOW,
  demoEntities,
  demoEntityRefs,
  demoWindow,
  fillWithDemoHistory,
} from './__testUtils__/demoFill';
import { createInProcessDora, observe } from './__testUtils__/inProcessDora';
import { printFigures } from './__testUtils__/report';

jest.setTimeout(180_000);

const databases = createTestDatabases();
const directory = resolvePackagePath(
  '@dora-metrics/plugin-dora-backend',
  'migrations',
);

async function doraTables(knex: Knex): Promise<string[]> {
  const names: string[] = [];
  for (const table of [
    'dora_deployments',
    'dora_changes',
    'dora_incidents',
    'dora_attributions',
    'dora_entity_state',
    'dora_deployment_facts',
    'dora_recovery_facts',
    'dora_incident_facts',
    'dora_webhook_deliveries',
    'dora_pull_requests',
    'dora_backfill_state',
    'dora_leases',
  ]) {
    if (await knex.schema.hasTable(table)) names.push(table);
  }
  return names;
}

type Rows = Record<string, Record<string, unknown>[]>;

async function rowsOf(knex: Knex, tables: string[]): Promise<Rows> {
  const out: Rows = {};
  for (const table of tables) out[table] = await knex(table).select();
  return out;
}

/** The columns each table has now. */
async function columnsOf(knex: Knex, tables: string[]) {
  const out: Record<string, Set<string>> = {};
  for (const table of tables)
    out[table] = new Set(Object.keys(await knex(table).columnInfo()));
  return out;
}

/*
 * Bookkeeping a migration may change without losing anything: raising an
 * entity's version marks its facts stale, to be derived again from the
 * events (20261129193000_rederive_v2_facts).
 */
const BOOKKEEPING: Record<string, string[]> = {
  dora_entity_state: ['version'],
};

/**
 * Every row of the tables in `columns`, with only those columns (a migration
 * may add some to a table) less bookkeeping, in a canonical order.
 */
function canonical(rows: Rows, columns: Record<string, Set<string>>) {
  const out: Record<string, string[]> = {};
  for (const [table, kept] of Object.entries(columns)) {
    const skipped = BOOKKEEPING[table] ?? [];
    out[table] = rows[table]
      .map(r =>
        JSON.stringify(
          Object.fromEntries(
            Object.entries(r).filter(
              ([c]) => kept.has(c) && !skipped.includes(c),
            ),
          ),
        ),
      )
      .sort();
  }
  return out;
}

async function migrationNames(knex: Knex): Promise<string[]> {
  const [, pending] = await knex.migrate.list({ directory });
  return pending.map((m: { file: string }) => m.file);
}

describe('migrations', () => {
  it.each(databases.eachSupportedId())(
    'runs each migration up and down alone on %p',
    async id => {
      const knex = await databases.init(id);
      const names = await migrationNames(knex);
      expect(names.length).toBeGreaterThan(0);
      const before: string[][] = [];
      for (const name of names) {
        before.push(await doraTables(knex));
        await knex.migrate.up({ directory, name });
        const after = await doraTables(knex);
        await knex.migrate.down({ directory, name });
        expect({ name, tables: await doraTables(knex) }).toEqual({
          name,
          tables: before[before.length - 1],
        });
        await knex.migrate.up({ directory, name });
        expect({ name, tables: await doraTables(knex) }).toEqual({
          name,
          tables: after,
        });
      }
      for (const name of [...names].reverse()) {
        await knex.migrate.down({ directory, name });
        expect({ name, tables: await doraTables(knex) }).toEqual({
          name,
          tables: before.pop(),
        });
      }
      expect(await doraTables(knex)).toEqual([]);
      printFigures(`migrations on ${id}`, {
        migrations: names.length,
        upDownEach: 'ok',
      });
    },
  );

  /*
   * Upgrades without loss. For each migration, newest first: roll it back,
   * check the tables of the schema before it kept every row, apply it again,
   * and check they still do and the store still works (re-pushing the same
   * history changes nothing). The first migration creates the store, so its
   * round trip is fill -> down -> up -> refill, with equal answers.
   * As migrations are added, each runs here on a store filled before it;
   * the store is used on the newest schema, as a replica starts.
   */
  it.each(databases.eachSupportedId())(
    'upgrades a filled store without loss on %p',
    async id => {
      const knex = await databases.init(id);
      const dora = await createInProcessDora(knex, demoEntities);
      const filled = await fillWithDemoHistory(dora);
      const answers = await observe(dora, demoEntityRefs, demoWindow);
      const [applied] = await knex.migrate.list({ directory });
      const names: string[] = applied.map((m: { name: string }) => m.name);
      expect(names.length).toBeGreaterThan(0);
      let checkedRows = 0;
      for (let step = names.length - 1; step >= 0; step--) {
        const name = names[step];
        const newest = await doraTables(knex);
        const full = await rowsOf(knex, newest);
        await knex.migrate.down({ directory, name });
        const older = await doraTables(knex);
        const olderColumns = await columnsOf(knex, older);
        const kept = canonical(await rowsOf(knex, older), olderColumns);
        expect(kept).toEqual(canonical(full, olderColumns));
        await knex.migrate.up({ directory, name });
        expect(canonical(await rowsOf(knex, older), olderColumns)).toEqual(
          kept,
        );
        checkedRows += Object.values(kept).reduce(
          (n, rows) => n + rows.length,
          0,
        );
        // The code runs on the newest schema: the later migrations again,
        // then the reconcile a replica runs after it starts (a migration may
        // have marked facts stale).
        await knex.migrate.latest({ directory });
        await dora.deriver.reconcile();
        const again = await fillWithDemoHistory(dora);
        expect({
          step,
          accepted: again.accepted,
          rejected: again.rejected,
        }).toEqual({
          step,
          // Only the first migration's round trip loses the events (it drops
          // the store); a later step must keep them, so a re-push is duplicates.
          accepted: step === 0 ? filled.accepted : 0,
          rejected: 0,
        });
        expect(await observe(dora, demoEntityRefs, demoWindow)).toEqual(
          answers,
        );
        for (const later of names.slice(step).reverse())
          await knex.migrate.down({ directory, name: later });
      }
      printFigures(`upgrade without loss on ${id}`, {
        migrations: names.length,
        eventsFilled: filled.events,
        rowsCheckedAcrossSteps: checkedRows,
        now: DEMO_NOW.toISOString(),
      });
    },
  );

  const servers = databases
    .eachSupportedId()
    .filter(([id]) => id !== 'SQLITE_3');
  it.each(servers)(
    'lets replicas start together on an empty database on %p',
    async id => {
      // Each replica has its own connection pool; they race to create knex's
      // bookkeeping tables and to take the migration lock.
      const first = await databases.init(id);
      const replicas = [
        first,
        ...[1, 2, 3].map(() => createKnex(first.client.config)),
      ];
      try {
        await Promise.all(
          replicas.map(knex =>
            DatabaseDoraStore.create({
              database: databaseServiceOf(knex),
            }),
          ),
        );
        const [applied] = await first.migrate.list({ directory });
        expect(applied.length).toBeGreaterThan(0);
        expect(await doraTables(first)).toContain('dora_deployments');
      } finally {
        await Promise.all(replicas.slice(1).map(k => k.destroy()));
      }
    },
  );
});

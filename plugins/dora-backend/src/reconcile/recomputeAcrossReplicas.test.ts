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

import { TestDatabaseId } from '@backstage/backend-test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ConflictError } from '@backstage/errors';
import { knex as createKnex, Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { readDoraConfig } from '../config';
import { DatabaseDoraStore } from '../database/DatabaseDoraStore';
import {
  createTestDatabases,
  databaseServiceOf,
  SUPPORTED_DATABASES,
} from '../__testUtils__/testDatabase';
import { FactDeriver } from './FactDeriver';
import { LeaseTiming } from './runUnderLease';

jest.setTimeout(20_000);

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

const databases = createTestDatabases();

/**
 * Two knex clients on one database, as two replicas have (each its own
 * pool). SQLite's test database lives in memory, reachable through one
 * connection only, so there both open one file instead.
 */
async function twoClients(id: TestDatabaseId) {
  if (id === 'SQLITE_3') {
    const dir = mkdtempSync(join(tmpdir(), 'dora-lease-'));
    const open = () =>
      createKnex({
        client: 'better-sqlite3',
        connection: { filename: join(dir, 'dora.sqlite') },
        useNullAsDefault: true,
      });
    const clients = [open(), open()];
    return {
      clients,
      close: async () => {
        await Promise.all(clients.map(c => c.destroy()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const first = await databases.init(id);
  const second = createKnex(first.client.config);
  return { clients: [first, second], close: () => second.destroy() };
}

type Result = { reattributed: number; derived: number };

/**
 * One replica's store and deriver. Its full reconciliation runs until the
 * test settles it, so that the test decides how long the lease is held.
 */
async function replicaOn(knex: Knex, timing?: LeaseTiming) {
  const store = await DatabaseDoraStore.create({
    database: databaseServiceOf(knex),
  });
  const deriver = new FactDeriver({
    store,
    catalogIndex: {} as CatalogIndexProvider,
    config: readDoraConfig(new ConfigReader({})),
    logger: mockServices.logger.mock(),
    leases: store.leases,
    recomputeLease: timing,
  });
  const pending: {
    resolve: (r: Result) => void;
    reject: (e: Error) => void;
  }[] = [];
  const reconcile = jest
    .spyOn(deriver, 'reconcile')
    .mockImplementation(
      () =>
        new Promise<Result>((resolve, reject) =>
          pending.push({ resolve, reject }),
        ),
    );
  /** Waits until the reconciliation started, then gives its settlers. */
  const started = async () => {
    while (pending.length === 0) await sleep(5);
    return pending.shift()!;
  };
  return { store, deriver, reconcile, started };
}

describe.each(SUPPORTED_DATABASES.map(id => [id]))(
  'recompute on two replicas (%s)',
  id => {
    let replicas: Awaited<ReturnType<typeof twoClients>>;
    beforeEach(async () => {
      replicas = await twoClients(id);
    });
    afterEach(async () => {
      await replicas.close();
    });

    it('refuses the second while the first holds the lease, runs it once released', async () => {
      const a = await replicaOn(replicas.clients[0]);
      const b = await replicaOn(replicas.clients[1]);

      const first = a.deriver.recompute();
      const runningA = await a.started();
      await expect(b.deriver.recompute()).rejects.toThrow(ConflictError);
      await expect(b.deriver.recompute()).rejects.toThrow(
        /^recompute: one is already running/,
      );
      // Within one replica too.
      await expect(a.deriver.recompute()).rejects.toThrow(ConflictError);
      expect(b.reconcile).not.toHaveBeenCalled();

      runningA.resolve({ reattributed: 1, derived: 2 });
      await expect(first).resolves.toEqual({ reattributed: 1, derived: 2 });

      const second = b.deriver.recompute();
      (await b.started()).resolve({ reattributed: 0, derived: 3 });
      await expect(second).resolves.toEqual({ reattributed: 0, derived: 3 });
      expect(b.reconcile).toHaveBeenCalledWith({ full: true });
    });

    it('releases the lease when the recompute fails', async () => {
      const a = await replicaOn(replicas.clients[0]);
      const b = await replicaOn(replicas.clients[1]);

      const failing = a.deriver.recompute();
      (await a.started()).reject(new Error('database went away'));
      await expect(failing).rejects.toThrow('database went away');

      const next = b.deriver.recompute();
      (await b.started()).resolve({ reattributed: 0, derived: 0 });
      await expect(next).resolves.toEqual({ reattributed: 0, derived: 0 });
    });

    it('runs once the lease of a crashed replica has expired', async () => {
      const a = await replicaOn(replicas.clients[0]);
      const b = await replicaOn(replicas.clients[1]);
      // A replica that took the lease and died: nobody renews or releases it.
      expect(await a.store.leases.tryTake('recompute', 'crashed', 500)).toBe(
        true,
      );

      await expect(b.deriver.recompute()).rejects.toThrow(ConflictError);
      await sleep(600);
      const after = b.deriver.recompute();
      (await b.started()).resolve({ reattributed: 0, derived: 1 });
      await expect(after).resolves.toEqual({ reattributed: 0, derived: 1 });
    });

    it('keeps the lease past its time to live while the holder renews it', async () => {
      const timing = { ttlMs: 400, renewEveryMs: 100 };
      const a = await replicaOn(replicas.clients[0], timing);
      const b = await replicaOn(replicas.clients[1], timing);

      const long = a.deriver.recompute();
      const runningA = await a.started();
      await sleep(1000);
      await expect(b.deriver.recompute()).rejects.toThrow(ConflictError);
      runningA.resolve({ reattributed: 0, derived: 0 });
      await long;
    });

    it('lets exactly one of many simultaneous takers have an expired lease', async () => {
      const [one, two] = await Promise.all(
        replicas.clients.map(knex =>
          DatabaseDoraStore.create({ database: databaseServiceOf(knex) }),
        ),
      );
      expect(await one.leases.tryTake('race', 'gone', 1)).toBe(true);
      await sleep(5);
      const taken = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? one : two).leases.tryTake('race', `taker-${i}`, 60_000),
        ),
      );
      expect(taken.filter(Boolean)).toHaveLength(1);
    });
  },
);

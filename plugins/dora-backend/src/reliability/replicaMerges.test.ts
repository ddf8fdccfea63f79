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
import { mulberry32 } from '@dora-metrics/plugin-dora-backend-module-demo';
import { knex as createKnex, Knex } from 'knex';
import { createProviderConnections } from '../providerConnections';
import {
  createTestDatabases,
  SUPPORTED_DATABASES,
} from '../__testUtils__/testDatabase';
import {
  conflictingDeliveries,
  shuffled,
} from './__testUtils__/conflictingObservations';
import { demoEntities } from './__testUtils__/demoFill';
import { createInProcessDora } from './__testUtils__/inProcessDora';
import { printFigures } from './__testUtils__/report';
import { compareStoredKeys, rowsByKey } from './__testUtils__/storedKeys';

jest.setTimeout(600_000);

const SEED = Number(process.env.DORA_FUZZ_SEED ?? 20261129);
const ROUNDS = Number(process.env.DORA_REPLICA_ROUNDS ?? 20);

const databases = createTestDatabases();

/** Webhook merges of one backend: its store, ingest and observation merger. */
async function replicaOn(knex: Knex) {
  const dora = await createInProcessDora(knex, demoEntities);
  const { observations } = await createProviderConnections(dora);
  return { ...dora, observations };
}

/**
 * A second client on the database of `knex`, as another replica has: its
 * own connection pool. SQLite's test database lives in memory, reachable
 * through its one connection only, so there both replicas share it; their
 * merges still interleave, each in its own transactions.
 */
function secondClient(id: TestDatabaseId, knex: Knex): Knex {
  if (id === 'SQLITE_3') return knex;
  return createKnex(knex.client.config);
}

/**
 * Two replicas merge webhook deliveries of the same keys at the same time:
 * each round's deliveries (several provider events per deployment, incident
 * and pull request) are shuffled, split at random between two independent
 * stacks on one database (two knex clients, two ingest services, as two
 * processes have) and applied all at once. The store must end equal to the
 * one a single backend builds from the same deliveries one at a time:
 * nothing lost (a merge made from a state another replica had already
 * replaced), nothing doubled.
 */
describe.each(SUPPORTED_DATABASES.map(id => [id]))(
  'webhook merges on two replicas (%s)',
  id => {
    it('end as one backend would, with every delivery merged once', async () => {
      const knexA = await databases.init(id);
      const knexB = secondClient(id, knexA);
      const knexSingle = await databases.init(id);
      try {
        const a = await replicaOn(knexA);
        const b = await replicaOn(knexB);
        const single = await replicaOn(knexSingle);
        const rng = mulberry32(SEED);
        let sent = 0;
        for (let round = 0; round < ROUNDS; round++) {
          const deliveries = shuffled(conflictingDeliveries(round, rng), rng);
          sent += deliveries.length;
          await Promise.all(
            deliveries.map(d => (rng() < 0.5 ? a : b).observations.apply(d)),
          );
          for (const d of deliveries) await single.observations.apply(d);
        }

        const { expected, actual, differing, lost, doubled } =
          compareStoredKeys(
            await rowsByKey(knexSingle),
            await rowsByKey(knexA),
          );
        printFigures(`replica merges (${id})`, {
          rounds: ROUNDS,
          deliveriesSent: sent,
          keysExpected: expected.size,
          keysStored: actual.size,
          lost,
          doubled,
          dirtyEntities: (await a.store.dirtyEntities(100)).length,
        });
        expect(differing).toEqual([]);
        expect(actual).toEqual(expected);
        // Each reopened incident ends resolved by its resolve after the reopen.
        const reopened = await knexSingle('dora_incidents')
          .where('event_key', 'like', '%-i1')
          .select('resolved_at', 'reopened_at');
        expect(reopened).toHaveLength(ROUNDS);
        for (const r of reopened)
          expect(Number(r.resolved_at)).toBeGreaterThan(Number(r.reopened_at));
        expect(await a.store.dirtyEntities(100)).toEqual([]);
      } finally {
        if (knexB !== knexA) await knexB.destroy();
      }
    });
  },
);

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

import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { DEFAULT_BAND_THRESHOLDS } from '@dora-metrics/plugin-dora-common';
import { computeMetrics } from '../../metrics/computeMetrics';
import { poolOfFacts } from '../../metrics/pool/factPool';
import {
  derived,
  workedExampleRows,
} from '../../__testUtils__/storedWorkedExample';
import {
  createTestDatabases,
  createTestStore,
} from '../../__testUtils__/testDatabase';
import { workedExample } from '../../__testUtils__/workedExample';
import { CachedFactSource } from './CachedFactSource';
import { createFactSource } from './createFactSource';
import { DatabaseFactSource } from './DatabaseFactSource';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const ref = workedExample.entityRef;
const other = 'component:default/checkout-worker';
const window = {
  from: Date.parse(workedExample.window.from),
  to: Date.parse(workedExample.window.to),
};
const options = { timeZone: 'UTC', bands: DEFAULT_BAND_THRESHOLDS };

async function setup(id: TestDatabaseId, maxBytes = 2 ** 20) {
  const { store } = await createTestStore(databases, id);
  // Every event belongs to both entities, as in a monorepo.
  const attributions = [ref, other].map(entityRef => ({
    entityRef,
    matchedBy: 'entityRef',
    ownerChain: ['group:default/payments'],
  }));
  const { deployments, incidents } = workedExampleRows(attributions);
  await store.upsertDeployments(deployments);
  await store.upsertIncidents(incidents);
  const histories = await store.loadHistories(
    [ref, other].map(entityRef => ({
      entityRef,
      productionEnvironments: ['production'],
    })),
  );
  await store.replaceFacts(histories.map(derived));
  const loads = jest.spyOn(store, 'loadFacts');
  const cache = new CachedFactSource({
    database: new DatabaseFactSource(store),
    maxBytes,
    logger: mockServices.logger.mock(),
  });
  return { store, histories, loads, cache };
}

describe('CachedFactSource', () => {
  it.each(databases.eachSupportedId())(
    'answers as the database does, loading each entity once, on %p',
    async id => {
      const { store, loads, cache } = await setup(id);
      const direct = computeMetrics(
        poolOfFacts(
          await store.loadFacts({ entityRefs: [ref] }, window.from, window.to),
        ),
        window,
        options,
      );
      loads.mockClear();
      for (let i = 0; i < 3; i++) {
        const pool = await cache.loadFacts(
          { entityRefs: [ref] },
          window.from,
          window.to,
        );
        expect(computeMetrics(pool, window, options)).toEqual(direct);
      }
      expect(loads).toHaveBeenCalledTimes(1);
      expect(cache.size).toBeGreaterThan(0);

      // A window starting earlier needs facts the cache does not hold.
      await cache.loadFacts(
        { entityRefs: [ref] },
        window.from - 86_400_000,
        window.to,
      );
      expect(loads).toHaveBeenCalledTimes(2);
      // Only the entity not held yet is read.
      await cache.loadFacts(
        { entityRefs: [ref, other] },
        window.from,
        window.to,
      );
      expect(loads).toHaveBeenCalledTimes(3);
      expect(loads).toHaveBeenLastCalledWith(
        { entityRefs: [other] },
        window.from,
        expect.any(Number),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'reloads an entity whose facts were replaced, never answering stale, on %p',
    async id => {
      const { store, histories, loads, cache } = await setup(id);
      const total = async () =>
        computeMetrics(
          await cache.loadFacts(
            { entityRefs: [ref, other] },
            window.from,
            window.to,
          ),
          window,
          options,
        ).changeFailureRate.total;
      expect(await total()).toBe(8);
      const emptied = derived(histories[0]);
      await store.replaceFacts([
        { ...emptied, facts: { ...emptied.facts, deployments: [] } },
      ]);
      loads.mockClear();
      expect(await total()).toBe(4);
      expect(loads).toHaveBeenCalledWith(
        { entityRefs: [ref] },
        window.from,
        expect.any(Number),
      );
    },
  );

  it('uses revisions read once for several pools', async () => {
    const [id] = databases.eachSupportedId()[0];
    const { store, cache } = await setup(id);
    const reads = jest.spyOn(store, 'factRevisions');
    const revisions = await cache.revisions([ref, other]);
    for (const refs of [[ref], [other]]) {
      const pool = await cache.loadFacts(
        { entityRefs: refs },
        window.from,
        window.to,
        revisions,
      );
      expect(pool.deployments.map(c => c.entityRef)).toEqual(refs);
    }
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('keeps nothing past its budget, and still answers', async () => {
    const [id] = databases.eachSupportedId()[0];
    const { loads, cache } = await setup(id, 1);
    for (let i = 0; i < 2; i++) {
      const pool = await cache.loadFacts(
        { entityRefs: [ref] },
        window.from,
        window.to,
      );
      expect(
        computeMetrics(pool, window, options).changeFailureRate.total,
      ).toBe(4);
    }
    expect(loads).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });

  it('reads facts recorded under an owner group from the database each time', async () => {
    const [id] = databases.eachSupportedId()[0];
    const { loads, cache } = await setup(id);
    const scope = { ownerGroup: 'group:default/payments' };
    for (let i = 0; i < 2; i++) {
      const pool = await cache.loadFacts(scope, window.from, window.to);
      expect(
        computeMetrics(pool, window, options).changeFailureRate.total,
      ).toBe(8);
    }
    expect(loads).toHaveBeenCalledTimes(2);
    expect(loads).toHaveBeenLastCalledWith(scope, window.from, window.to);
    expect(cache.size).toBe(0);
  });
});

describe('createFactSource', () => {
  const logger = mockServices.logger.mock();
  const store = { loadFacts: jest.fn(), factRevisions: jest.fn() };

  it('caches within dora.reports.cacheMiB', () => {
    const config = { reportCacheBytes: 2 ** 20 };
    expect(createFactSource({ store, config, logger })).toBeInstanceOf(
      CachedFactSource,
    );
  });

  it('reads the database alone when the cache is turned off', () => {
    const config = { reportCacheBytes: 0 };
    expect(createFactSource({ store, config, logger })).toBeInstanceOf(
      DatabaseFactSource,
    );
  });
});

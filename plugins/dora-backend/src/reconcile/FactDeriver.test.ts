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

import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ConfigReader } from '@backstage/config';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { readDoraConfig } from '../config';
import { IngestService } from '../ingest/IngestService';
import {
  createTestDatabases,
  createTestStore,
} from '../__testUtils__/testDatabase';
import { checkoutEntity, workedExample } from '../__testUtils__/workedExample';
import { FactDeriver } from './FactDeriver';

const databases = createTestDatabases(['SQLITE_3']);

async function setup(catalogEntities: Entity[]) {
  const { store } = await createTestStore(databases, 'SQLITE_3');
  // A catalog whose content the test changes between calls.
  const catalog = {
    async *streamEntities() {
      yield catalogEntities;
    },
  } as unknown as CatalogService;
  const logger = mockServices.logger.mock();
  const catalogIndex = new CatalogIndexProvider(
    { catalog, auth: mockServices.auth(), logger },
    60_000,
  );
  const config = readDoraConfig(new ConfigReader({}));
  const deriver = new FactDeriver({
    store,
    catalogIndex,
    config,
    logger,
    storedEvents: store.storedEvents,
    leases: store.leases,
  });
  const ingest = new IngestService({ store, catalogIndex, deriver, logger });
  return { store, deriver, ingest };
}

const window = {
  from: Date.parse(workedExample.window.from),
  to: Date.parse(workedExample.window.to),
};

describe('FactDeriver', () => {
  it('attributes kept events once a matching annotation appears', async () => {
    const entities: Entity[] = [];
    const { store, deriver, ingest } = await setup(entities);
    const byRepository = workedExample.deployments.map(
      ({ entityRef: _e, ...d }) => ({ ...d, repository: 'ACME/checkout' }),
    );
    const pushed = await ingest.ingestDeployments({
      deployments: byRepository,
    });
    expect(pushed.accepted).toBe(5);
    expect((await store.dataQuality(window.to)).unattributed).toEqual([
      {
        eventType: 'deployment',
        source: 'github-actions',
        matchKey: 'ACME/checkout',
        count: 5,
      },
    ]);

    entities.push(checkoutEntity);
    expect(await deriver.reconcile()).toEqual({ reattributed: 5, derived: 1 });
    expect((await store.dataQuality(window.to)).unattributed).toEqual([]);
    const facts = await store.loadFacts(
      { ownerGroup: 'group:default/payments' },
      window.from,
      window.to,
    );
    expect(facts.deployments.map(d => d.entityRef)).toEqual(
      Array(4).fill('component:default/checkout'),
    );
    // A second run finds nothing left to do.
    expect(await deriver.reconcile()).toEqual({ reattributed: 0, derived: 0 });
  });

  it('recomputes everything from raw events on demand', async () => {
    const { store, deriver, ingest } = await setup([checkoutEntity]);
    await ingest.ingestDeployments({ deployments: workedExample.deployments });
    const before = await store.loadFacts(
      { entityRefs: [workedExample.entityRef] },
      window.from,
      window.to,
    );
    expect(await deriver.reconcile({ full: true })).toEqual({
      reattributed: 0,
      derived: 1,
    });
    const after = await store.loadFacts(
      { entityRefs: [workedExample.entityRef] },
      window.from,
      window.to,
    );
    expect(after).toEqual(before);
    expect(after.deployments).toHaveLength(4);
  });

  it('narrows re-attributed deployments by environment in a monorepo', async () => {
    const entities: Entity[] = [];
    const { store, deriver, ingest } = await setup(entities);
    const deployment = (id: string, environment: string) => ({
      source: 'github',
      id,
      repository: 'acme/mono',
      environment,
      status: 'success',
      finishedAt: '2026-03-02T12:00:00Z',
    });
    await ingest.ingestDeployments({
      deployments: [
        deployment('1', 'checkout-production'),
        deployment('2', 'production'),
      ],
    });
    const component = (name: string, annotations: Record<string, string>) => ({
      ...checkoutEntity,
      metadata: {
        name,
        annotations: { 'github.com/project-slug': 'acme/mono', ...annotations },
      },
    });
    entities.push(
      component('checkout', {
        'dora-metrics/github-environment': 'checkout-production',
      }),
      component('docs', {}),
    );
    await deriver.reconcile();
    const keys = async (entityRef: string) =>
      (
        await store.listDeployments({
          entityRef,
          from: window.from,
          to: window.to,
          limit: 10,
        })
      ).items.map(d => d.id);
    expect(await keys('component:default/checkout')).toEqual(['1']);
    expect(await keys('component:default/docs')).toEqual(['2']);
  });
});

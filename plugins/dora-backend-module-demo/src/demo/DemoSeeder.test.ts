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
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { IngestResult } from '@dora-metrics/plugin-dora-common';
import { DoraIngestConnection } from '@dora-metrics/plugin-dora-node';
import {
  DEMO_MERGE_STYLE_ANNOTATION,
  DEMO_PROFILE_ANNOTATION,
  DemoSeeder,
} from './DemoSeeder';
import { generateDemoHistory } from './generateDemoHistory';

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/a' },
});

const entities = [
  component('payments', {
    [DEMO_PROFILE_ANNOTATION]: 'elite',
    'github.com/project-slug': 'acme/payments',
    'pagerduty.com/service-id': 'PPAY001',
  }),
  component('ledger', { [DEMO_PROFILE_ANNOTATION]: 'low' }),
  component('typo', { [DEMO_PROFILE_ANNOTATION]: 'superb' }),
  component('unrelated', { 'github.com/project-slug': 'acme/unrelated' }),
];

const ok: IngestResult = {
  accepted: 1,
  updated: 0,
  duplicates: 0,
  rejected: [],
};

/** A connection that records what was pushed, in order. */
function recordingConnection() {
  const calls: { kind: string; items: unknown[] }[] = [];
  const record = (kind: string) => async (items: unknown[]) => {
    calls.push({ kind, items });
    return ok;
  };
  const connection: DoraIngestConnection = {
    pushChanges: record('changes'),
    pushDeployments: record('deployments'),
    pushIncidents: record('incidents'),
  };
  return { calls, connection };
}

function seeder(catalogEntities: Entity[], waitMs = 1_000) {
  const logger = mockServices.logger.mock();
  const demo = new DemoSeeder(
    {
      catalog: catalogServiceMock({ entities: catalogEntities }),
      auth: mockServices.auth(),
      logger,
    },
    { days: 30, seed: 5, waitMs, pollMs: 1 },
  );
  return { demo, logger };
}

describe('DemoSeeder', () => {
  const now = new Date('2026-11-21T00:00:00Z');

  it('finds the annotated entities with a known profile', async () => {
    const { demo } = seeder(entities);
    expect(await demo.demoServices()).toEqual([
      {
        entityRef: 'component:default/payments',
        repository: 'acme/payments',
        pagerDutyServiceId: 'PPAY001',
        profile: 'elite',
      },
      {
        entityRef: 'component:default/ledger',
        repository: undefined,
        pagerDutyServiceId: undefined,
        profile: 'low',
      },
    ]);
  });

  it('reads squash merges from the merge-style annotation', async () => {
    const { demo } = seeder([
      component('squashed', {
        [DEMO_PROFILE_ANNOTATION]: 'high',
        [DEMO_MERGE_STYLE_ANNOTATION]: 'squash',
        'github.com/project-slug': 'acme/squashed',
      }),
      component('rebased', {
        [DEMO_PROFILE_ANNOTATION]: 'high',
        [DEMO_MERGE_STYLE_ANNOTATION]: 'rebase',
      }),
    ]);
    expect(
      (await demo.demoServices()).map(s => [s.entityRef, s.squashMerges]),
    ).toEqual([
      ['component:default/squashed', true],
      ['component:default/rebased', undefined],
    ]);
  });

  it('pushes their generated history, commits before deployments', async () => {
    const { demo } = seeder(entities);
    const { calls, connection } = recordingConnection();
    await demo.connect(connection);
    await demo.seed(now);

    const expected = generateDemoHistory({
      services: await demo.demoServices(),
      now,
      days: 30,
      seed: 5,
    });
    expect(calls.map(c => c.kind)).toEqual([
      'changes',
      'deployments',
      'incidents',
    ]);
    expect(calls[0].items).toEqual(expected.changes);
    expect(calls[1].items).toEqual(expected.deployments);
    expect(calls[2].items).toEqual(expected.incidents);
    expect(expected.deployments.length).toBeGreaterThan(0);
  });

  it('pushes nothing, and says why, without demo entities', async () => {
    const { demo, logger } = seeder([entities[3]], 10);
    const { calls, connection } = recordingConnection();
    await demo.connect(connection);
    await demo.seed(now);
    expect(calls).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(DEMO_PROFILE_ANNOTATION),
    );
  });

  it('stops waiting for the catalog when asked to', async () => {
    const { demo } = seeder([], 60_000);
    const { calls, connection } = recordingConnection();
    await demo.connect(connection);
    const stop = new AbortController();
    const seeding = demo.seed(now, stop.signal);
    stop.abort();
    await expect(seeding).rejects.toThrow();
    expect(calls).toEqual([]);
  });

  it('cannot seed before the plugin has connected it', async () => {
    const { demo } = seeder(entities);
    await expect(demo.seed(now)).rejects.toThrow(/not connected/);
  });
});

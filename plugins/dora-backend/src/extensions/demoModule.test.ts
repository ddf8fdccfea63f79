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

import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import doraModuleDemo, {
  DEMO_PROFILE_ANNOTATION,
} from '@dora-metrics/plugin-dora-backend-module-demo';
import { JsonObject } from '@backstage/types';
import request from 'supertest';
import { doraPlugin } from '../plugin';

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/a' },
});

// One service with a repository (commits pushed on their own, then
// deployments) and one without (deployments list their commits), as in
// examples/dora-demo; and one the demo leaves alone.
const entities = [
  component('payments', {
    [DEMO_PROFILE_ANNOTATION]: 'elite',
    'github.com/project-slug': 'acme/payments',
    'pagerduty.com/service-id': 'PPAY001',
  }),
  component('ledger', { [DEMO_PROFILE_ANNOTATION]: 'high' }),
  component('unrelated', { 'github.com/project-slug': 'acme/unrelated' }),
];

const DAY = 86_400_000;

async function startDoraWithDemo(demo: JsonObject) {
  const { server } = await startTestBackend({
    features: [
      doraPlugin,
      doraModuleDemo,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: { dora: { demo, backfill: { enabled: false } } },
      }),
    ],
  });
  const metrics = async (entityRef: string) => {
    const to = new Date();
    const from = new Date(to.getTime() - 28 * DAY);
    const res = await request(server)
      .get('/api/dora/v1/metrics')
      .query({ entityRef, from: from.toISOString(), to: to.toISOString() })
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body;
  };
  return { metrics };
}

async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('the demo module on the dora plugin', () => {
  it('pushes the simulated history through the plugin at startup', async () => {
    const { metrics } = await startDoraWithDemo({
      enabled: true,
      days: 60,
      seed: 3,
    });
    // The module waits for the catalog to hold steady (one poll interval)
    // before it pushes.
    const payments = await eventually(
      () => metrics('component:default/payments'),
      m => m.deploymentFrequency.count > 0,
    );
    expect(payments.deploymentFrequency.count).toBeGreaterThan(5);
    // Lead times need the commits, pushed separately, to have been derived
    // into the deployments' facts.
    expect(payments.leadTime.samples).toBeGreaterThan(0);

    const ledger = await metrics('component:default/ledger');
    expect(ledger.deploymentFrequency.count).toBeGreaterThan(5);
    expect(ledger.leadTime.samples).toBeGreaterThan(0);

    const unrelated = await metrics('component:default/unrelated');
    expect(unrelated.deploymentFrequency.count).toBe(0);
  }, 60_000);
});

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
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  GITHUB_TOKEN,
  PAGERDUTY_TOKEN,
  REPOSITORY,
  SERVICE,
  startFakeProviders,
} from '../../backfill/__testUtils__/fakeProviders';
import { doraPlugin } from '../../plugin';

jest.setTimeout(60_000);

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: {
      'github.com/project-slug': REPOSITORY,
      'pagerduty.com/service-id': SERVICE,
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

describe('backfill routes', () => {
  let fake: Awaited<ReturnType<typeof startFakeProviders>>;
  beforeEach(async () => {
    fake = await startFakeProviders({ rateLimits: false });
  });
  afterEach(() => fake.close());

  async function start(backfill: object = {}) {
    const { server } = await startTestBackend({
      features: [
        doraPlugin,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [
                {
                  host: 'github.com',
                  apiBaseUrl: `${fake.baseUrl}/github`,
                  token: GITHUB_TOKEN,
                },
              ],
            },
            dora: {
              backfill: { lookback: { days: 3650 }, ...backfill },
              pagerduty: {
                token: PAGERDUTY_TOKEN,
                apiBaseUrl: `${fake.baseUrl}/pagerduty`,
              },
            },
          },
        }),
      ],
    });
    return server;
  }

  it('starts a run for a service and reports its progress until done', async () => {
    const server = await start();
    const started = await request(server)
      .post('/api/dora/v1/backfill')
      .set('Authorization', mockCredentials.service.header());
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ started: true, running: true });

    let status: any;
    for (let i = 0; i < 100; i++) {
      status = (
        await request(server)
          .get('/api/dora/v1/backfill')
          .set('Authorization', mockCredentials.service.header())
      ).body;
      if (!status.running) break;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    expect(status.running).toBe(false);
    expect(status.entities).toEqual([
      { entityRef: 'component:default/checkout', done: 4, total: 4 },
    ]);
    expect(status.jobs).toHaveLength(4);

    const deployments = await request(server)
      .get('/api/dora/v1/deployments')
      .query({
        entityRef: 'component:default/checkout',
        from: '2026-03-01',
        to: '2026-04-01',
      })
      .set('Authorization', mockCredentials.service.header());
    expect(deployments.body.items).toHaveLength(5);
  });

  it('refuses users and callers without credentials', async () => {
    const server = await start();
    for (const method of ['get', 'post'] as const) {
      const asUser = await request(server)
        [method]('/api/dora/v1/backfill')
        .set('Authorization', mockCredentials.user.header());
      expect(asUser.status).toBe(403);
      const anonymous = await request(server)
        [method]('/api/dora/v1/backfill')
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    }
    expect(fake.stats.requests).toBe(0);
  });

  it('refuses to start a run when backfill is disabled, and still reports progress', async () => {
    const server = await start({ enabled: false });
    const started = await request(server)
      .post('/api/dora/v1/backfill')
      .set('Authorization', mockCredentials.service.header());
    expect(started.status).toBe(409);
    expect(started.body.error.message).toMatch(
      /^backfill is disabled \(dora.backfill.enabled: false\)/,
    );
    const status = await request(server)
      .get('/api/dora/v1/backfill')
      .set('Authorization', mockCredentials.service.header());
    expect(status.status).toBe(200);
    expect(status.body.running).toBe(false);
    expect(fake.stats.requests).toBe(0);
  });
});

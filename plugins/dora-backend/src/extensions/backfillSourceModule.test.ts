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

import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  BackfillJob,
  BackfillPage,
  BackfillSource,
  DoraCatalogIndex,
  doraIngestExtensionPoint,
} from '@dora-metrics/plugin-dora-node';
import request from 'supertest';
import { doraPlugin } from '../plugin';

const DAY = 86_400_000;

/**
 * A module's CI history: two pages of one production deployment each, for
 * every GitHub repository in the catalog.
 */
class TestCiBackfill implements BackfillSource {
  readonly source = 'test-ci';
  readonly steps = ['deployments'];
  /** The cursor of each page asked for. */
  readonly cursors: unknown[] = [];

  constructor(private readonly now: number) {}

  targets(catalog: DoraCatalogIndex): string[] {
    return [...catalog.entities()].flatMap(e =>
      e.repositories.map(r => r.value),
    );
  }

  async fetchPage(job: BackfillJob): Promise<BackfillPage> {
    this.cursors.push(job.cursor);
    const page = (job.cursor as { page: number } | null)?.page ?? 1;
    const finishedAt = new Date(this.now - page * DAY).toISOString();
    return {
      observations: {
        deployments: [
          {
            deployment: {
              source: 'test-ci',
              id: `run-${page}`,
              repository: job.target,
              environment: 'production',
              status: 'success',
            },
            observedAt: finishedAt,
          },
        ],
        changes: [],
        incidents: [],
        repositoryIncidents: [],
        pullRequests: [],
      },
      cursor: page < 2 ? { page: page + 1 } : null,
      pagesTotal: 2,
      items: 1,
    };
  }
}

describe('a backfill source added by a module', () => {
  it('is read by the plugin backfill into its store', async () => {
    const now = Date.now();
    const backfill = new TestCiBackfill(now);
    const testCiModule = createBackendModule({
      pluginId: 'dora',
      moduleId: 'test-ci',
      register(env) {
        env.registerInit({
          deps: { dora: doraIngestExtensionPoint },
          async init({ dora }) {
            dora.addBackfillSource(backfill);
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        doraPlugin,
        testCiModule,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'checkout',
                annotations: { 'github.com/project-slug': 'Acme/Checkout' },
              },
              spec: { type: 'service', owner: 'group:default/a' },
            },
          ],
        }),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    const service = mockCredentials.service.header();

    const started = await request(server)
      .post('/api/dora/v1/backfill')
      .set('Authorization', service);
    expect(started.status).toBe(202);
    let status = started.body;
    const deadline = Date.now() + 20_000;
    while (status.running && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 100));
      status = (
        await request(server)
          .get('/api/dora/v1/backfill')
          .set('Authorization', service)
      ).body;
    }
    expect(status.jobs).toMatchObject([
      {
        key: 'test-ci:acme/checkout:deployments',
        status: 'done',
        pagesDone: 2,
        items: 2,
      },
    ]);
    expect(backfill.cursors).toEqual([null, { page: 2 }]);

    const metrics = await request(server)
      .get('/api/dora/v1/metrics')
      .query({
        entityRef: 'component:default/checkout',
        from: new Date(now - 7 * DAY).toISOString(),
        to: new Date(now).toISOString(),
      })
      .set('Authorization', mockCredentials.user.header());
    expect(metrics.body.deploymentFrequency.count).toBe(2);

    // The module owns its source: a push token may not write it.
    const pushed = await request(server)
      .post('/api/dora/v1/deployments')
      .set('Authorization', service)
      .send({
        deployments: [
          {
            source: 'test-ci',
            id: 'run-1',
            entityRef: 'component:default/checkout',
            environment: 'production',
            status: 'failure',
            finishedAt: new Date(now - DAY).toISOString(),
          },
        ],
      });
    expect(pushed.body.rejected).toEqual([
      {
        index: 0,
        reason: expect.stringMatching(
          /^source: 'test-ci' is written by the plugin's webhooks and backfill/,
        ),
      },
    ]);
  });
});

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
import { doraPlugin } from '../../plugin';
import {
  checkoutEntity,
  workedExample,
} from '../../__testUtils__/workedExample';

/** A service token whose subject is `subject` (a static token's subject). */
const tokenOf = (subject: string) =>
  mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(subject),
    targetPluginId: 'dora',
  });

async function startDora() {
  const { server } = await startTestBackend({
    features: [
      doraPlugin,
      catalogServiceMock.factory({ entities: [checkoutEntity] }),
      mockServices.rootConfig.factory({
        data: {
          dora: {
            ingest: {
              principals: [
                { subject: 'github-bridge', sources: ['github'] },
                { subject: 'ci', sources: ['github-actions'] },
              ],
            },
          },
        },
      }),
    ],
  });
  return server;
}

describe('who may push which source', () => {
  const [d1] = workedExample.deployments;
  const push = (server: unknown, subject: string, sources: string[]) =>
    request(server as never)
      .post('/api/dora/v1/deployments')
      .set('Authorization', tokenOf(subject))
      .send({
        deployments: sources.map((source, i) => ({
          ...d1,
          source,
          id: `run-${i}`,
        })),
      });

  it("refuses the webhooks' and backfill's sources to a caller not granted them", async () => {
    const server = await startDora();
    const res = await push(server, 'someone', [
      'github',
      'GitLab',
      'pagerduty',
      'jenkins',
    ]);
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    expect(res.body.rejected.map((r: any) => [r.index, r.reason])).toEqual([
      [
        0,
        "source: 'github' is written by the plugin's webhooks and backfill; grant it to this caller in dora.ingest.principals to push it",
      ],
      [1, expect.stringMatching(/^source: 'GitLab' is written by/)],
      [2, expect.stringMatching(/^source: 'pagerduty' is written by/)],
    ]);
  });

  it('lets a listed subject write only its listed sources', async () => {
    const server = await startDora();
    const bridge = await push(server, 'github-bridge', ['github', 'jenkins']);
    expect(bridge.body.accepted).toBe(1);
    expect(bridge.body.rejected).toEqual([
      {
        index: 1,
        reason:
          "source: 'jenkins' is not among the sources dora.ingest.principals grants to this caller",
      },
    ]);
    const ci = await push(server, 'ci', ['github-actions', 'github']);
    expect(ci.body.accepted).toBe(1);
    expect(ci.body.rejected).toEqual([
      { index: 1, reason: expect.stringMatching(/^source: 'github' is not/) },
    ]);
    const changes = await request(server)
      .post('/api/dora/v1/changes')
      .set('Authorization', tokenOf('ci'))
      .send({
        changes: [
          {
            source: 'github',
            repository: 'acme/checkout',
            sha: 'c1',
            committedAt: d1.finishedAt,
          },
        ],
      });
    expect(changes.body.rejected).toEqual([
      { index: 0, reason: expect.stringMatching(/^source: 'github' is not/) },
    ]);
  });

  it('accepts entity refs of the kinds that deploy, by the catalog rules, and pages the unknown ones', async () => {
    const server = await startDora();
    const refs = [
      'user:default/jane',
      'location:default/everything',
      'group:default/payments',
      'component:default/has space',
      'component:default/<script>',
      `component:default/${'n'.repeat(64)}`,
      'system:default/shop',
      'resource:default/orders-db',
      'component:default/ghost',
      'ghost-2',
    ];
    const res = await request(server)
      .post('/api/dora/v1/deployments')
      .set('Authorization', mockCredentials.service.header())
      .send({
        deployments: refs.map((entityRef, i) => ({
          ...d1,
          id: `run-${i}`,
          entityRef,
        })),
      });
    expect(res.body.accepted).toBe(4);
    expect(res.body.rejected).toEqual([
      {
        index: 0,
        reason:
          "entityRef: kind 'user' cannot own deployments or incidents (dora.ingest.entityKinds: component, resource, system)",
      },
      {
        index: 1,
        reason: expect.stringMatching(/^entityRef: kind 'location'/),
      },
      { index: 2, reason: expect.stringMatching(/^entityRef: kind 'group'/) },
      ...[3, 4, 5].map(index => ({
        index,
        reason:
          'entityRef: not an entity ref (kind:namespace/name, by the catalog rules)',
      })),
    ]);

    // Unknown to the catalog: stored, and listed a page at a time.
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const quality = await request(server)
        .get('/api/dora/v1/data-quality')
        .query({ limit: 3, ...(cursor ? { cursor } : {}) })
        .set('Authorization', mockCredentials.user.header());
      expect(quality.status).toBe(200);
      expect(quality.body.unknownEntityCount).toBe(4);
      pages.push(quality.body.unknownEntities);
      cursor = quality.body.unknownEntitiesNextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([
      [
        'component:default/ghost',
        'component:default/ghost-2',
        'resource:default/orders-db',
      ],
      ['system:default/shop'],
    ]);
    const forged = await request(server)
      .get('/api/dora/v1/data-quality')
      .query({ cursor: '%%%' })
      .set('Authorization', mockCredentials.user.header());
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toMatch(/^cursor: /);
  });
});

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
import { doraPlugin } from '../plugin';
import {
  checkoutEntity,
  commerceGroup,
  paymentsGroup,
  workedExample,
} from '../__testUtils__/workedExample';

/**
 * The same guarantees as idempotency.test.ts, through HTTP, on the worked
 * example: what a client sees is what the property tests prove for the
 * services below the router.
 */

type Server = Awaited<ReturnType<typeof startTestBackend>>['server'];

async function startDora(): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      doraPlugin,
      catalogServiceMock.factory({
        entities: [checkoutEntity, paymentsGroup, commerceGroup],
      }),
      mockServices.rootConfig.factory({ data: { dora: { timeZone: 'UTC' } } }),
    ],
  });
  return server;
}

const push = (server: Server, kind: string, items: unknown[]) =>
  request(server)
    .post(`/api/dora/v1/${kind}`)
    .set('Authorization', mockCredentials.service.header())
    .send({ [kind]: items });

/** The three read answers a client would compare. */
async function answers(server: Server) {
  const get = async (path: string) => {
    const res = await request(server)
      .get(`/api/dora/v1/${path}`)
      .query({
        entityRef: workedExample.entityRef,
        from: '2026-02-23T00:00:00Z',
        to: workedExample.window.to,
      })
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body;
  };
  return {
    metrics: await get('metrics'),
    deployments: await get('deployments'),
    incidents: await get('incidents'),
  };
}

const [d0, d1, d2, d3, d4] = workedExample.deployments;
const [i1] = workedExample.incidents;

describe('push API delivery semantics', () => {
  let clean: Awaited<ReturnType<typeof answers>>;

  beforeAll(async () => {
    const server = await startDora();
    await push(server, 'deployments', workedExample.deployments);
    await push(server, 'incidents', workedExample.incidents);
    clean = await answers(server);
  });

  it('has the worked example as the clean delivery', () => {
    expect(clean.metrics.changeFailureRate).toMatchObject({ failed: 2 });
    expect(clean.deployments.items).toHaveLength(5);
  });

  it('stores a batch sent three times once', async () => {
    const server = await startDora();
    const results = [];
    for (let i = 0; i < 3; i++)
      results.push(
        (await push(server, 'deployments', workedExample.deployments)).body,
      );
    expect(results.map(r => [r.accepted, r.duplicates])).toEqual([
      [5, 0],
      [0, 5],
      [0, 5],
    ]);
    await push(server, 'incidents', workedExample.incidents);
    expect(await answers(server)).toEqual(clean);
  });

  it('ends the same when batches arrive shuffled: incident first, rollback before its target', async () => {
    const server = await startDora();
    await push(server, 'incidents', [i1]);
    await push(server, 'deployments', [d4, d2]);
    await push(server, 'deployments', [d3, d0]);
    await push(server, 'deployments', [d1, d1, d4]);
    expect(await answers(server)).toEqual(clean);
  });

  it('ends the same when a deployment is first reported failed, then succeeded', async () => {
    const server = await startDora();
    await push(server, 'deployments', [{ ...d2, status: 'failure' }]);
    await push(server, 'deployments', workedExample.deployments);
    await push(server, 'incidents', [{ ...i1, resolvedAt: null }]);
    await push(server, 'incidents', [i1]);
    expect(await answers(server)).toEqual(clean);
  });

  it('documents last write wins: an older copy pushed after a newer one replaces it', async () => {
    // api.md: "a repeat with the same key updates". The push API has no
    // version or sequence field, so it cannot tell an older copy from a
    // correction; clients must send an event's latest state last.
    const server = await startDora();
    await push(server, 'deployments', workedExample.deployments);
    await push(server, 'incidents', [i1]);
    const stale = await push(server, 'incidents', [
      { ...i1, resolvedAt: null },
    ]);
    expect(stale.body).toMatchObject({ updated: 1 });
    const after = await answers(server);
    expect(after.incidents.items[0].resolvedAt).toBeNull();
    expect(after.metrics.recoveryTime.openIncidents).toBe(1);

    const rerun = await push(server, 'deployments', [
      { ...d2, status: 'failure' },
    ]);
    expect(rerun.body).toMatchObject({ updated: 1 });
    expect((await answers(server)).metrics.deploymentFrequency.count).toBe(
      clean.metrics.deploymentFrequency.count - 1,
    );
    // Re-sending the latest state restores the clean answers exactly.
    await push(server, 'deployments', [d2]);
    await push(server, 'incidents', [i1]);
    expect(await answers(server)).toEqual(clean);
  });
});

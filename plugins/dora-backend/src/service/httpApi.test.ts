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
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { doraPlugin } from '../plugin';
import {
  checkoutEntity,
  commerceGroup,
  paymentsGroup,
  workedExample,
} from '../__testUtils__/workedExample';

const service = mockCredentials.service.header();
const user = mockCredentials.user.header();
// The mock treats a request without a header as the default user; this is "no token".
const none = mockCredentials.none.header();

async function startDora(moreEntities: Entity[] = []) {
  const { server } = await startTestBackend({
    features: [
      doraPlugin,
      catalogServiceMock.factory({
        entities: [
          checkoutEntity,
          paymentsGroup,
          commerceGroup,
          ...moreEntities,
        ],
      }),
      mockServices.rootConfig.factory({ data: { dora: { timeZone: 'UTC' } } }),
    ],
  });
  return server;
}

const push = (server: unknown, kind: string, items: unknown[]) =>
  request(server as never)
    .post(`/api/dora/v1/${kind}`)
    .set('Authorization', service)
    .send({ [kind]: items });

describe('dora router', () => {
  it('reproduces the worked example through the push and read API', async () => {
    const server = await startDora();
    const deployments = await push(
      server,
      'deployments',
      workedExample.deployments,
    );
    expect(deployments.status).toBe(200);
    expect(deployments.body).toEqual({
      accepted: 5,
      updated: 0,
      duplicates: 0,
      rejected: [],
    });
    expect(
      (await push(server, 'incidents', workedExample.incidents)).body.accepted,
    ).toBe(1);

    // Refs may be sent unencoded.
    const res = await request(server)
      .get(
        `/api/dora/v1/metrics?entityRef=component:default/checkout&from=${workedExample.window.from}&to=${workedExample.window.to}`,
      )
      .set('Authorization', user);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/checkout',
      window: {
        from: '2026-03-02T00:00:00.000Z',
        to: '2026-03-09T00:00:00.000Z',
      },
      deploymentFrequency: {
        count: 4,
        deploymentDays: 3,
        medianDeploymentDaysPerWeek: 3,
        band: 'high',
      },
      leadTime: {
        medianHours: 14,
        p90Hours: 24,
        samples: 4,
        band: 'elite',
        stages: {
          codingHours: null,
          pickupHours: null,
          reviewHours: null,
          deployHours: null,
        },
      },
      changeFailureRate: { failed: 2, total: 4, rate: 0.5, band: 'low' },
      recoveryTime: {
        medianHours: 2.75,
        samples: 2,
        band: 'high',
        timeToRestoreMedianHours: 2.5,
        openIncidents: 0,
      },
      reworkRate: { unplanned: 1, total: 4, rate: 0.25 },
      series: [
        {
          start: '2026-03-02T00:00:00.000Z',
          deployments: 4,
          leadTimeMedianHours: 14,
          changeFailureRate: 0.5,
          recoveryMedianHours: 2.75,
          reworkRate: 0.25,
        },
      ],
      dataQuality: { clockSkewedChanges: 1, unlinkedIncidents: 0 },
    });
    expect(res.body.deploymentFrequency.perDay).toBeCloseTo(4 / 7, 10);
    expect(res.body.previous.deploymentFrequency.count).toBe(1);
    expect(res.body.bands.leadTimeHours).toEqual({
      elite: 24,
      high: 168,
      medium: 720,
    });

    const drill = await request(server)
      .get('/api/dora/v1/deployments')
      .query({
        entityRef: workedExample.entityRef,
        ...workedExample.window,
        limit: 2,
      })
      .set('Authorization', user);
    expect(drill.body.items.map((d: { id: string }) => d.id)).toEqual([
      'd4',
      'd3',
    ]);
    expect(drill.body.items[1]).toMatchObject({
      failed: true,
      leadTimeHours: 24,
    });
    const next = await request(server)
      .get('/api/dora/v1/deployments')
      .query({
        entityRef: workedExample.entityRef,
        ...workedExample.window,
        limit: 2,
        cursor: drill.body.nextCursor,
      })
      .set('Authorization', user);
    expect(next.body.items.map((d: { id: string }) => d.id)).toEqual([
      'd2',
      'd1',
    ]);
    expect(next.body.items[0].linkedIncidents).toEqual(['incident-bot:i1']);
    expect(next.body.nextCursor).toBeNull();

    const incidents = await request(server)
      .get('/api/dora/v1/incidents')
      .query({ entityRef: workedExample.entityRef, ...workedExample.window })
      .set('Authorization', user);
    expect(incidents.body.items).toEqual([
      expect.objectContaining({
        id: 'i1',
        linkedDeployment: 'github-actions:d2',
        linkedBy: 'time',
      }),
    ]);
  });

  it('pools a team and its parent, and reports templates', async () => {
    const server = await startDora();
    await push(server, 'deployments', workedExample.deployments);
    await push(server, 'incidents', workedExample.incidents);
    for (const [groupRef, ownership] of [
      ['group:default/payments', 'current'],
      ['group:default/commerce', 'current'],
      ['group:default/commerce', 'at-event'],
    ]) {
      const team = await request(server)
        .get('/api/dora/v1/teams/metrics')
        .query({ groupRef, ownership, ...workedExample.window })
        .set('Authorization', user);
      expect(team.status).toBe(200);
      expect(team.body).toMatchObject({
        entityCount: 1,
        hiddenEntityCount: 0,
        changeFailureRate: { failed: 2, total: 4 },
        entities: [
          { entityRef: 'component:default/checkout', title: 'Checkout' },
        ],
      });
    }
    const report = await request(server)
      .get('/api/dora/v1/templates/report')
      .query(workedExample.window)
      .set('Authorization', user);
    expect(report.body.templates).toEqual([
      expect.objectContaining({
        templateRef: 'template:default/node-service',
        entityCount: 1,
        metrics: expect.objectContaining({
          leadTime: expect.objectContaining({ medianHours: 14 }),
        }),
      }),
    ]);
  });

  it('counts a deployment of a monorepo once in its team and template (spec v2)', async () => {
    // A second component in the checkout repository: each deployment pushed
    // by repository is attributed to both.
    const worker: Entity = {
      ...checkoutEntity,
      metadata: { ...checkoutEntity.metadata, name: 'checkout-worker' },
    };
    const server = await startDora([worker]);
    await push(
      server,
      'deployments',
      workedExample.deployments.map(({ entityRef, ...d }) => ({
        ...d,
        repository: 'acme/checkout',
      })),
    );
    await push(server, 'incidents', workedExample.incidents);
    const team = await request(server)
      .get('/api/dora/v1/teams/metrics')
      .query({ groupRef: 'group:default/payments', ...workedExample.window })
      .set('Authorization', user);
    expect(team.status).toBe(200);
    // Each entity has its four; the pool has the same four, not eight. The
    // checkout's incident fails d2 for the checkout alone, and for the pool.
    expect(team.body).toMatchObject({
      entityCount: 2,
      deploymentFrequency: {
        count: 4,
        historyStartsAt: '2026-02-27T10:00:00.000Z',
      },
      leadTime: { samples: 4, medianHours: 14 },
      changeFailureRate: { failed: 2, total: 4 },
      recoveryTime: { samples: 2, timeToRestoreSamples: 1 },
      perEntityDeploymentFrequency: 4 / 7,
    });
    expect(
      team.body.entities.map((e: any) => [
        e.entityRef,
        e.metrics.deploymentFrequency.count,
        e.metrics.changeFailureRate.failed,
      ]),
    ).toEqual([
      ['component:default/checkout', 4, 2],
      ['component:default/checkout-worker', 4, 1],
    ]);
    const report = await request(server)
      .get('/api/dora/v1/templates/report')
      .query(workedExample.window)
      .set('Authorization', user);
    expect(report.body.templates).toEqual([
      expect.objectContaining({
        entityCount: 2,
        metrics: expect.objectContaining({
          deploymentFrequency: expect.objectContaining({ count: 4 }),
          changeFailureRate: expect.objectContaining({ failed: 2, total: 4 }),
        }),
      }),
    ]);
  });

  it('reports an empty window after stored deployments as a measured zero (spec v2)', async () => {
    const server = await startDora();
    await push(server, 'deployments', workedExample.deployments);
    const later = await request(server)
      .get('/api/dora/v1/metrics')
      .query({
        entityRef: workedExample.entityRef,
        from: '2026-03-09',
        to: '2026-03-16',
      })
      .set('Authorization', user);
    expect(later.body.deploymentFrequency).toEqual({
      count: 0,
      perDay: 0,
      deploymentDays: 0,
      medianDeploymentDaysPerWeek: 0,
      medianDeploymentDaysPerMonth: 0,
      band: 'low',
      historyStartsAt: '2026-02-27T10:00:00.000Z',
    });
    // The week before is the worked example's.
    expect(later.body.previous.deploymentFrequency).toMatchObject({
      count: 4,
      band: 'high',
    });
    const earlier = await request(server)
      .get('/api/dora/v1/metrics')
      .query({
        entityRef: workedExample.entityRef,
        from: '2026-02-16',
        to: '2026-02-23',
      })
      .set('Authorization', user);
    expect(earlier.body.deploymentFrequency).toMatchObject({
      count: 0,
      perDay: null,
      band: null,
      historyStartsAt: '2026-02-27T10:00:00.000Z',
    });
  });

  it('answers no data in the series before the history, measured zeros after (spec v2)', async () => {
    const server = await startDora();
    await push(server, 'deployments', workedExample.deployments);
    // d0 finished on Friday 27 February, d1 on Monday 2 March.
    const query = { from: '2026-02-25', to: '2026-03-02', granularity: 'day' };
    const expected = [
      ['2026-02-25T00:00:00.000Z', true, 0, 0, null],
      ['2026-02-26T00:00:00.000Z', true, 0, 0, null],
      ['2026-02-27T00:00:00.000Z', false, 1, 0, 'high'],
      ['2026-02-28T00:00:00.000Z', false, 0, 0, 'low'],
      ['2026-03-01T00:00:00.000Z', false, 0, 0, 'low'],
    ];
    const points = (body: any) =>
      body.series.map((p: any) => [
        p.start,
        p.beforeHistory,
        p.deployments,
        p.failedDeployments,
        p.deploymentFrequencyBand,
      ]);
    const entity = await request(server)
      .get('/api/dora/v1/metrics')
      .query({ entityRef: workedExample.entityRef, ...query })
      .set('Authorization', user);
    expect(entity.status).toBe(200);
    expect(points(entity.body)).toEqual(expected);
    const team = await request(server)
      .get('/api/dora/v1/teams/metrics')
      .query({ groupRef: 'group:default/payments', ...query })
      .set('Authorization', user);
    expect(team.status).toBe(200);
    expect(points(team.body)).toEqual(expected);
  });

  it('counts a pushed revert: by revertOf on /v1/changes and on a deployment commit (spec v2)', async () => {
    const sha = (c: string) => c.repeat(40);
    const metricsOf = async (server: unknown) =>
      (
        await request(server as never)
          .get('/api/dora/v1/metrics')
          .query({
            entityRef: 'component:default/checkout',
            from: '2026-03-02',
            to: '2026-03-03',
          })
          .set('Authorization', user)
      ).body;
    const deployment = (id: string, head: string, at: string) => ({
      source: 'ci',
      id,
      repository: 'acme/checkout',
      environment: 'production',
      status: 'success',
      finishedAt: at,
      sha: head,
    });

    // Through /v1/changes: the revert names an abbreviated sha.
    const byChanges = await startDora();
    const changes = await push(byChanges, 'changes', [
      {
        source: 'git',
        repository: 'acme/checkout',
        sha: sha('b'),
        committedAt: '2026-03-02T11:00:00Z',
        parents: [sha('a')],
      },
      {
        source: 'git',
        repository: 'acme/checkout',
        sha: sha('c'),
        committedAt: '2026-03-02T14:00:00Z',
        parents: [sha('b')],
        revertOf: sha('b').slice(0, 10).toUpperCase(),
      },
    ]);
    expect(changes.body).toMatchObject({ accepted: 2, rejected: [] });
    await push(byChanges, 'deployments', [
      deployment('1', sha('a'), '2026-03-02T10:00:00Z'),
      deployment('2', sha('b'), '2026-03-02T12:00:00Z'),
      deployment('3', sha('c'), '2026-03-02T15:00:00Z'),
    ]);

    // Through a deployment's own commit list.
    const byCommits = await startDora();
    await push(byCommits, 'deployments', [
      deployment('1', sha('a'), '2026-03-02T10:00:00Z'),
      {
        ...deployment('2', sha('b'), '2026-03-02T12:00:00Z'),
        commits: [{ sha: sha('b'), committedAt: '2026-03-02T11:00:00Z' }],
      },
      {
        ...deployment('3', sha('c'), '2026-03-02T15:00:00Z'),
        commits: [
          {
            sha: sha('c'),
            committedAt: '2026-03-02T14:00:00Z',
            revertOf: sha('b'),
          },
        ],
      },
    ]);

    for (const server of [byChanges, byCommits]) {
      const metrics = await metricsOf(server);
      expect(metrics.changeFailureRate).toMatchObject({ failed: 1, total: 3 });
      expect(metrics.reworkRate).toMatchObject({ unplanned: 1, total: 3 });
      expect(metrics.recoveryTime).toMatchObject({
        medianHours: 3,
        samples: 1,
      });
    }

    // revertOf must be a sha; it is named when it is not.
    const bad = await push(byChanges, 'changes', [
      {
        source: 'git',
        repository: 'acme/checkout',
        sha: sha('d'),
        committedAt: '2026-03-02T16:00:00Z',
        revertOf: 'the previous one',
      },
    ]);
    expect(bad.body.rejected).toEqual([
      { index: 0, reason: expect.stringMatching(/^revertOf: /) },
    ]);
  });

  it('refuses writes without a token (401) and from users (403)', async () => {
    const server = await startDora();
    const body = { deployments: workedExample.deployments };
    const anonymous = await request(server)
      .post('/api/dora/v1/deployments')
      .set('Authorization', none)
      .send(body);
    expect(anonymous.status).toBe(401);
    const asUser = await request(server)
      .post('/api/dora/v1/deployments')
      .set('Authorization', user)
      .send(body);
    expect(asUser.status).toBe(403);
    const read = await request(server)
      .get('/api/dora/v1/metrics?entityRef=checkout')
      .set('Authorization', none);
    expect(read.status).toBe(401);
  });

  it('stores the valid items of a batch and names the field of a bad one', async () => {
    const server = await startDora();
    const [d0, d1, d2] = workedExample.deployments;
    const res = await push(server, 'deployments', [
      d0,
      { ...d1, finishedAt: '2026-03-02T12:00:00' },
      d2,
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accepted: 2,
      updated: 0,
      duplicates: 0,
      rejected: [
        {
          index: 1,
          reason: 'finishedAt: missing time zone offset (add Z or +hh:mm)',
        },
      ],
    });
  });

  it('stores a batch sent twice once, and counts a changed item as updated', async () => {
    const server = await startDora();
    await push(server, 'deployments', workedExample.deployments);
    const again = await push(server, 'deployments', workedExample.deployments);
    expect(again.body).toEqual({
      accepted: 0,
      updated: 0,
      duplicates: 5,
      rejected: [],
    });
    const changed = await push(server, 'deployments', [
      { ...workedExample.deployments[1], url: 'https://ci/1' },
    ]);
    expect(changed.body).toEqual({
      accepted: 0,
      updated: 1,
      duplicates: 0,
      rejected: [],
    });
    const list = await request(server)
      .get('/api/dora/v1/deployments')
      .query({
        entityRef: workedExample.entityRef,
        from: '2026-02-01',
        to: '2026-04-01',
      })
      .set('Authorization', user);
    expect(list.body.items).toHaveLength(5);
  });

  it('answers 400 naming the field for bad queries and bodies, 404 for unknown entities', async () => {
    const server = await startDora();
    const bad = await request(server)
      .post('/api/dora/v1/deployments')
      .set('Authorization', service)
      .send({ deployments: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'request/body/deployments must be array',
    );
    const tooMany = await request(server)
      .post('/api/dora/v1/incidents')
      .set('Authorization', service)
      .send({ incidents: Array(5001).fill(workedExample.incidents[0]) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(
      /incidents must NOT have more than 5000 items/,
    );
    const oversize = await request(server)
      .post('/api/dora/v1/changes')
      .set('Authorization', service)
      .set('Content-Type', 'application/json')
      .send(`{"changes":["${'x'.repeat(11 * 1024 * 1024)}"]}`);
    expect(oversize.status).toBe(413);
    const unknownParam = await request(server)
      .get('/api/dora/v1/metrics')
      .query({ entityRef: 'checkout', colour: 'blue' })
      .set('Authorization', user);
    expect(unknownParam.status).toBe(400);
    expect(unknownParam.body.error.message).toMatch(/colour/);
    const noRef = await request(server)
      .get('/api/dora/v1/metrics')
      .set('Authorization', user);
    expect(noRef.status).toBe(400);
    expect(noRef.body.error.message).toMatch(
      /must have required property 'entityRef'/,
    );
    const badFrom = await request(server)
      .get('/api/dora/v1/metrics')
      .query({ entityRef: 'checkout', from: '2026-03-02T00:00:00' })
      .set('Authorization', user);
    expect(badFrom.status).toBe(400);
    expect(badFrom.body.error.message).toMatch(
      /^from: missing time zone offset/,
    );
    const unknown = await request(server)
      .get('/api/dora/v1/metrics')
      .query({ entityRef: 'component:default/nope' })
      .set('Authorization', user);
    expect(unknown.status).toBe(404);
    const health = await request(server).get('/api/dora/health');
    expect(health.body).toEqual({ status: 'ok' });
    const openapi = await request(server)
      .get('/api/dora/openapi.json')
      .set('Authorization', user);
    expect(openapi.status).toBe(200);
    expect(Object.keys(openapi.body.paths)).toContain('/api/dora/v1/metrics');
  });

  it('keeps an unmatched event unattributed and reports it', async () => {
    const server = await startDora();
    const { entityRef: _e, ...d } = workedExample.deployments[1];
    await push(server, 'deployments', [
      { ...d, repository: 'acme/unknown' },
      { ...d, id: 'ghost-1', entityRef: 'component:default/ghost' },
    ]);
    const quality = await request(server)
      .get('/api/dora/v1/data-quality')
      .set('Authorization', user);
    expect(quality.body.unattributedEvents).toEqual([
      {
        eventType: 'deployment',
        source: 'github-actions',
        matchKey: 'acme/unknown',
        count: 1,
      },
    ]);
    expect(quality.body.unknownEntities).toEqual(['component:default/ghost']);
  });
});

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
import request from 'supertest';
import { doraPlugin } from '../plugin';
import {
  checkoutEntity,
  commerceGroup,
  paymentsGroup,
  workedExample,
} from '../__testUtils__/workedExample';
import { denyingCatalogFactory } from './__testUtils__/denyingCatalog';
import { printFigures } from './__testUtils__/report';

const SECRET = 'component:default/secret-ledger';
const secretEntity: Entity = {
  ...checkoutEntity,
  metadata: {
    ...checkoutEntity.metadata,
    name: 'secret-ledger',
    title: 'Secret ledger',
    annotations: {
      ...checkoutEntity.metadata.annotations,
      'github.com/project-slug': 'acme/secret-ledger',
      'pagerduty.com/service-id': 'PSECRET',
    },
  },
};

const WRITE_ROUTES = [
  ['/v1/deployments', { deployments: workedExample.deployments }],
  [
    '/v1/changes',
    {
      changes: [
        {
          source: 'git',
          repository: 'acme/checkout',
          sha: 'c1',
          committedAt: '2026-03-02T08:00:00Z',
        },
      ],
    },
  ],
  ['/v1/incidents', { incidents: workedExample.incidents }],
  ['/v1/recompute', {}],
] as const;

const window = { from: '2026-02-23T00:00:00Z', to: workedExample.window.to };
const user = mockCredentials.user.header();
const service = mockCredentials.service.header();

async function startDora() {
  const { server } = await startTestBackend({
    features: [
      doraPlugin,
      denyingCatalogFactory({
        entities: [checkoutEntity, secretEntity, paymentsGroup, commerceGroup],
        denied: [SECRET],
      }),
      mockServices.rootConfig.factory({ data: { dora: { timeZone: 'UTC' } } }),
    ],
  });
  const push = (kind: string, items: unknown[]) =>
    request(server)
      .post(`/api/dora/v1/${kind}`)
      .set('Authorization', service)
      .send({ [kind]: items });
  // The same history for both entities; the secret one shifted by an hour.
  await push('deployments', workedExample.deployments);
  await push(
    'deployments',
    workedExample.deployments.map(d => ({
      ...d,
      id: `s-${d.id}`,
      entityRef: SECRET,
    })),
  );
  await push('incidents', [
    ...workedExample.incidents,
    {
      ...workedExample.incidents[0],
      id: 's-i1',
      entityRef: SECRET,
      resolvedAt: null,
    },
  ]);
  return server;
}

describe('auth and permissions', () => {
  const figures = {
    writeRoutes: WRITE_ROUTES.length,
    refusedNoToken: 0,
    refusedUser: 0,
    readChecks: 0,
  };
  afterAll(() => printFigures('auth and permissions', figures));

  it('refuses every write route without a token (401) and for users (403)', async () => {
    const server = await startDora();
    for (const [path, body] of WRITE_ROUTES) {
      const anonymous = await request(server)
        .post(`/api/dora${path}`)
        .set('Authorization', mockCredentials.none.header())
        .send(body);
      expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
      figures.refusedNoToken++;
      const asUser = await request(server)
        .post(`/api/dora${path}`)
        .set('Authorization', user)
        .send(body);
      expect({ path, status: asUser.status }).toEqual({ path, status: 403 });
      expect(asUser.body.error.message).toMatch(
        /does not allow 'user' credentials/,
      );
      figures.refusedUser++;
    }
  });

  it('answers 404 for an entity the user may not read, as for one that does not exist', async () => {
    const server = await startDora();
    for (const path of ['metrics', 'deployments', 'incidents']) {
      const hidden = await request(server)
        .get(`/api/dora/v1/${path}`)
        .query({ entityRef: SECRET, ...window })
        .set('Authorization', user);
      expect({ path, status: hidden.status }).toEqual({ path, status: 404 });
      expect(hidden.body.error.message).toBe(
        `entityRef: no entity ${SECRET} that you may read`,
      );
      expect(JSON.stringify(hidden.body)).not.toMatch(/s-d1|Secret ledger/);
      // A service (the plugin's own callers) reads it.
      const asService = await request(server)
        .get(`/api/dora/v1/${path}`)
        .query({ entityRef: SECRET, ...window })
        .set('Authorization', service);
      expect({ path, status: asService.status }).toEqual({ path, status: 200 });
      figures.readChecks += 2;
    }
  });

  it('leaves the hidden entity out of team and template aggregates, and counts it', async () => {
    const server = await startDora();
    const checkout = await request(server)
      .get('/api/dora/v1/metrics')
      .query({ entityRef: workedExample.entityRef, ...window })
      .set('Authorization', user);
    for (const ownership of ['current', 'at-event']) {
      const team = await request(server)
        .get('/api/dora/v1/teams/metrics')
        .query({ groupRef: 'group:default/commerce', ownership, ...window })
        .set('Authorization', user);
      expect(team.status).toBe(200);
      expect(team.body).toMatchObject({
        entityCount: 1,
        hiddenEntityCount: 1,
        entities: [{ entityRef: workedExample.entityRef }],
        deploymentFrequency: checkout.body.deploymentFrequency,
        changeFailureRate: checkout.body.changeFailureRate,
        recoveryTime: checkout.body.recoveryTime,
      });
      figures.readChecks++;
    }
    const report = await request(server)
      .get('/api/dora/v1/templates/report')
      .query(window)
      .set('Authorization', user);
    expect(report.body.templates).toEqual([
      expect.objectContaining({
        templateRef: 'template:default/node-service',
        entityCount: 1,
        hiddenEntityCount: 1,
        metrics: expect.objectContaining({
          deploymentFrequency: checkout.body.deploymentFrequency,
        }),
      }),
    ]);
    const template = await request(server)
      .get('/api/dora/v1/templates/metrics')
      .query({ templateRef: 'template:default/node-service', ...window })
      .set('Authorization', user);
    expect(
      template.body.entities.map((e: { entityRef: string }) => e.entityRef),
    ).toEqual([workedExample.entityRef]);
    const quality = await request(server)
      .get('/api/dora/v1/data-quality')
      .set('Authorization', user);
    expect(JSON.stringify(quality.body)).not.toContain('secret-ledger');
    figures.readChecks += 3;

    // The service sees both: the aggregate did hide something.
    const asService = await request(server)
      .get('/api/dora/v1/teams/metrics')
      .query({ groupRef: 'group:default/commerce', ...window })
      .set('Authorization', service);
    expect(asService.body).toMatchObject({
      entityCount: 2,
      hiddenEntityCount: 0,
    });
    expect(asService.body.deploymentFrequency.count).toBe(
      2 * checkout.body.deploymentFrequency.count,
    );
  });
});

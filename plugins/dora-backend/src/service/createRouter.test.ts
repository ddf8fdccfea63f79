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
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import express from 'express';
import request from 'supertest';
import { createRouter, RouterOptions } from './createRouter';

// Services that record what the endpoints hand them: the validated router
// must pass typed values (numbers, booleans, the document's enums) with the
// document's defaults, not the query strings.
function fakeServices() {
  const page = { items: [], nextCursor: null };
  return {
    reports: {
      entityMetrics: jest.fn(async () => ({})),
      teamMetrics: jest.fn(async () => ({})),
    },
    templates: {
      report: jest.fn(async () => ({})),
      metrics: jest.fn(async () => ({})),
    },
    store: {
      listDeployments: jest.fn(async (_query: { limit: unknown }) => page),
      listIncidents: jest.fn(async (_query: { limit: unknown }) => page),
    },
    access: { readableRef: jest.fn(async (ref: string) => ref) },
  };
}

async function startRouter() {
  const fakes = fakeServices();
  const options = {
    ...fakes,
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    auditor: mockServices.auditor.mock(),
    config: { timeZone: 'UTC' },
  } as unknown as RouterOptions;
  const middleware = MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger: mockServices.logger.mock(),
  });
  const app = express().use(await createRouter(options), middleware.error());
  return { app, ...fakes };
}

const window = { from: '2026-03-02', to: '2026-03-09' };

describe('createRouter', () => {
  it('hands the endpoints typed query values', async () => {
    const { app, reports, store } = await startRouter();
    const team = await request(app)
      .get('/v1/teams/metrics')
      .query({
        groupRef: 'group:default/payments',
        granularity: 'month',
        ownership: 'at-event',
        includeSubgroups: 'false',
        ...window,
      });
    expect(team.status).toBe(200);
    expect(reports.teamMetrics).toHaveBeenCalledWith(
      'group:default/payments',
      { granularity: 'month', ownership: 'at-event', includeSubgroups: false },
      expect.objectContaining({
        window: {
          from: Date.parse('2026-03-02'),
          to: Date.parse('2026-03-09'),
        },
      }),
    );

    const list = await request(app).get('/v1/deployments').query({
      entityRef: 'component:default/checkout',
      limit: '7',
      cursor: 'c',
    });
    expect(list.status).toBe(200);
    expect(store.listDeployments).toHaveBeenCalledWith(
      expect.objectContaining({ limit: 7, cursor: 'c' }),
    );
    expect(typeof store.listDeployments.mock.calls[0][0].limit).toBe('number');
  });

  it('applies the defaults of the document', async () => {
    const { app, reports, store } = await startRouter();
    await request(app)
      .get('/v1/teams/metrics')
      .query({ groupRef: 'group:default/payments' })
      .expect(200);
    expect(reports.teamMetrics).toHaveBeenCalledWith(
      'group:default/payments',
      { granularity: 'week', ownership: 'current', includeSubgroups: true },
      expect.anything(),
    );
    await request(app)
      .get('/v1/incidents')
      .query({ entityRef: 'component:default/checkout' })
      .expect(200);
    expect(store.listIncidents).toHaveBeenCalledWith(
      expect.objectContaining({ limit: 50 }),
    );
  });

  it('sends an empty templateRef on as "no template"', async () => {
    const { app, templates } = await startRouter();
    await request(app).get('/v1/templates/metrics?templateRef=').expect(200);
    expect(templates.metrics).toHaveBeenCalledWith(null, expect.anything());
  });

  it('refuses values outside the document with 400 naming the parameter', async () => {
    const { app, reports, store } = await startRouter();
    for (const [path, query, field] of [
      ['/v1/deployments', { entityRef: 'x', limit: '0' }, 'limit'],
      ['/v1/deployments', { entityRef: 'x', limit: '501' }, 'limit'],
      ['/v1/deployments', { entityRef: 'x', limit: 'ten' }, 'limit'],
      ['/v1/metrics', { entityRef: 'x', granularity: 'year' }, 'granularity'],
      [
        '/v1/teams/metrics',
        { groupRef: 'g', includeSubgroups: 'yes' },
        'includeSubgroups',
      ],
      ['/v1/teams/metrics', { groupRef: 'g', ownership: 'ever' }, 'ownership'],
    ] as const) {
      const res = await request(app).get(path).query(query);
      expect({ path, query, status: res.status }).toEqual({
        path,
        query,
        status: 400,
      });
      expect(res.body.error).toMatchObject({
        name: 'InputError',
        message: expect.stringContaining(field),
      });
    }
    expect(store.listDeployments).not.toHaveBeenCalled();
    expect(reports.entityMetrics).not.toHaveBeenCalled();
    expect(reports.teamMetrics).not.toHaveBeenCalled();
  });
});

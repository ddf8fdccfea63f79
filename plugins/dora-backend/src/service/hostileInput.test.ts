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
import { capturingLoggers } from '../reliability/__testUtils__/capturingLogger';
import { createTestDatabases } from '../__testUtils__/testDatabase';
import {
  checkoutEntity,
  paymentsGroup,
  workedExample,
} from '../__testUtils__/workedExample';

jest.setTimeout(120_000);

const databases = createTestDatabases();

// Made from no template: what `templateRef=` asks for.
const legacyEntity = {
  ...checkoutEntity,
  metadata: { name: 'legacy', title: 'Legacy' },
};
const user = mockCredentials.user.header();
const service = mockCredentials.service.header();

async function startDora(id: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(id);
  const logs = capturingLoggers();
  const { server } = await startTestBackend({
    features: [
      ...logs.factories,
      doraPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({
        entities: [checkoutEntity, legacyEntity, paymentsGroup],
      }),
      mockServices.rootConfig.factory({ data: { dora: { timeZone: 'UTC' } } }),
    ],
  });
  return { server, knex, logs: logs.lines };
}

// What a hostile signed-in user or push-token holder tried (see the
// hardening issue); each answered 500 before.
const MALFORMED_REFS = [
  ':',
  '/',
  'component:',
  'default/',
  'component:default/',
  ' ',
  // Names the catalog cannot hold, which a 404 would echo.
  'component:default/a b',
  'component:default/<b>x</b>',
];

const REF_ROUTES: [string, string][] = [
  ['/v1/metrics', 'entityRef'],
  ['/v1/deployments', 'entityRef'],
  ['/v1/incidents', 'entityRef'],
  ['/v1/teams/metrics', 'groupRef'],
  ['/v1/templates/metrics', 'templateRef'],
];

describe('hostile input', () => {
  it.each(databases.eachSupportedId())(
    'answers 400 naming the parameter for a malformed ref on %p',
    async id => {
      const { server } = await startDora(id);
      for (const [route, parameter] of REF_ROUTES) {
        for (const value of MALFORMED_REFS) {
          const res = await request(server)
            .get(`/api/dora${route}`)
            .query({ [parameter]: value })
            .set('Authorization', user);
          expect([route, value, res.status]).toEqual([route, value, 400]);
          expect(res.body.error.message).toMatch(new RegExp(`${parameter}`));
        }
      }
      // An empty templateRef asks for the entities made from no template.
      const none = await request(server)
        .get('/api/dora/v1/templates/metrics?templateRef=')
        .set('Authorization', user);
      expect([none.status, none.body.templateRef]).toEqual([200, null]);
    },
  );

  it.each(databases.eachSupportedId())(
    'rejects an item with NUL or a lone surrogate in any string, naming the field, and stores its neighbours on %p',
    async id => {
      const { server, knex } = await startDora(id);
      const [good, d1] = workedExample.deployments;
      const bad = [
        { ...d1, id: 'x\ud800' },
        { ...d1, source: 'ci\udc00' },
        { ...d1, id: 'nul\u0000' },
        { ...d1, environment: 'prod\u0000' },
        { ...d1, url: 'https://ci/\ud800' },
        { ...d1, commits: [{ sha: 'c\u0000', committedAt: d1.finishedAt }] },
      ];
      const res = await request(server)
        .post('/api/dora/v1/deployments')
        .set('Authorization', service)
        .send({ deployments: [good, ...bad] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accepted: 1,
        updated: 0,
        duplicates: 0,
        rejected: [
          { index: 1, reason: 'id: contains a lone UTF-16 surrogate' },
          { index: 2, reason: 'source: contains a lone UTF-16 surrogate' },
          { index: 3, reason: 'id: contains a NUL character' },
          { index: 4, reason: 'environment: contains a NUL character' },
          { index: 5, reason: 'url: contains a lone UTF-16 surrogate' },
          { index: 6, reason: 'commits.0.sha: contains a NUL character' },
        ],
      });
      const incidents = await request(server)
        .post('/api/dora/v1/incidents')
        .set('Authorization', service)
        .send({
          incidents: [{ ...workedExample.incidents[0], title: 'a\u0000b' }],
        });
      expect(incidents.body.rejected).toEqual([
        { index: 0, reason: 'title: contains a NUL character' },
      ]);
      const changes = await request(server)
        .post('/api/dora/v1/changes')
        .set('Authorization', service)
        .send({
          changes: [
            {
              source: 'ci',
              repository: 'acme/checkout',
              sha: 'c9',
              committedAt: d1.finishedAt,
              parents: ['ok', '\udfff'],
            },
          ],
        });
      expect(changes.body.rejected).toEqual([
        { index: 0, reason: 'parents.1: contains a lone UTF-16 surrogate' },
      ]);
      // A well-formed pair (an emoji) is stored as sent.
      const emoji = await request(server)
        .post('/api/dora/v1/deployments')
        .set('Authorization', service)
        .send({ deployments: [{ ...d1, id: 'rocket-\u{1F680}' }] });
      expect(emoji.body.accepted).toBe(1);
      const ids = await knex('dora_deployments')
        .select('external_id')
        .orderBy('external_id');
      expect(ids.map(r => r.external_id)).toEqual([good.id, 'rocket-🚀']);
    },
  );

  it.each(databases.eachSupportedId())(
    'answers an unexpected failure with a generic 500 and logs its detail on %p',
    async id => {
      const { server, knex, logs } = await startDora(id);
      // A database error quotes its SQL and values; a TypeError its internals.
      await knex.schema.dropTable('dora_incidents');
      const res = await request(server)
        .get('/api/dora/v1/incidents')
        .query({ entityRef: 'component:default/checkout' })
        .set('Authorization', user);
      expect(res.status).toBe(500);
      expect(res.body.error).toEqual({
        name: 'InternalError',
        message: expect.stringMatching(
          /^internal error: the request failed \(logId=[0-9a-f]{16}\); the backend log has the details$/,
        ),
      });
      expect(res.text).not.toMatch(/select|dora_incidents|stack/i);
      const logId = /logId=([0-9a-f]+)/.exec(res.body.error.message)![1];
      expect(
        logs.some(line => line.includes(logId) && /dora_incidents/.test(line)),
      ).toBe(true);
    },
  );

  // Not about the database: one engine is enough.
  it.each([databases.eachSupportedId()[0]])(
    'refuses a user or no token on a write route before reading its body on %p',
    async id => {
      const { server } = await startDora(id);
      const huge = `{"deployments":["${'x'.repeat(11 * 1024 * 1024)}"]}`;
      for (const route of [
        'deployments',
        'changes',
        'incidents',
        'recompute',
        'backfill',
      ]) {
        for (const [token, status] of [
          [user, 403],
          [mockCredentials.none.header(), 401],
        ] as const) {
          for (const body of ['{not json', huge]) {
            const res = await request(server)
              .post(`/api/dora/v1/${route}`)
              .set('Authorization', token)
              .set('Content-Type', 'application/json')
              .send(body);
            expect([route, body.length, res.status]).toEqual([
              route,
              body.length,
              status,
            ]);
          }
        }
      }
    },
  );
});

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
import { knex as createKnex, KnexTimeoutError } from 'knex';
import { createServer } from 'node:net';
import request from 'supertest';
import { doraPlugin } from '../plugin';
import { checkoutEntity, workedExample } from '../__testUtils__/workedExample';
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailableError,
} from './databaseErrors';

const withCode = (code: string, message = 'boom') =>
  Object.assign(new Error(message), { code });

describe('isDatabaseUnavailableError', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED')],
    ['connection reset', withCode('ECONNRESET')],
    ['PostgreSQL shutting down (57P01)', withCode('57P01')],
    ['PostgreSQL starting up (57P03)', withCode('57P03')],
    ['a connection exception (SQLSTATE class 08)', withCode('08006')],
    ['MySQL connection lost', withCode('PROTOCOL_CONNECTION_LOST')],
    ['a knex pool acquire timeout', new KnexTimeoutError('Knex: Timeout')],
    ['pg losing its socket', new Error('Connection terminated unexpectedly')],
    [
      'a wrapped cause',
      new Error('insert failed', { cause: withCode('ECONNREFUSED') }),
    ],
    [
      'an AggregateError of refused addresses',
      new AggregateError([withCode('ECONNREFUSED')], 'connect failed'),
    ],
  ])('recognizes %s', (_name, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a syntax error', withCode('42601')],
    ['a plain error', new Error('something else')],
    ['a non-error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('leaves %s alone', (_name, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });
});

/** A TCP port on which nothing listens: take a free one and close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise(resolve => server.close(resolve));
  return port;
}

describe('dora router with its database down', () => {
  it('answers 503 naming the database, for writes and reads', async () => {
    const port = await closedPort();
    const unreachable = createKnex({
      client: 'pg',
      connection: `postgresql://postgres@127.0.0.1:${port}/dora`,
      pool: { min: 0, max: 2 },
      acquireConnectionTimeout: 5_000,
    });
    const { server } = await startTestBackend({
      features: [
        doraPlugin,
        // Migrations skipped: the plugin starts, and every query finds no server.
        mockServices.database.factory({
          knex: unreachable,
          migrations: { skip: true },
        }),
        catalogServiceMock.factory({ entities: [checkoutEntity] }),
      ],
    }).catch(async e => {
      await unreachable.destroy();
      throw e;
    });
    try {
      const push = await request(server)
        .post('/api/dora/v1/deployments')
        .set('Authorization', mockCredentials.service.header())
        .send({ deployments: workedExample.deployments });
      expect(push.status).toBe(503);
      expect(push.headers['retry-after']).toBe('5');
      expect(push.body.error).toEqual({
        name: 'ServiceUnavailableError',
        message: DATABASE_UNAVAILABLE_MESSAGE,
      });
      expect(push.body.error.message).toMatch(/^database unavailable/);

      const read = await request(server)
        .get('/api/dora/v1/metrics')
        .query({ entityRef: workedExample.entityRef })
        .set('Authorization', mockCredentials.user.header());
      expect(read.status).toBe(503);
      expect(read.body.error.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
    } finally {
      await unreachable.destroy();
    }
  });
});

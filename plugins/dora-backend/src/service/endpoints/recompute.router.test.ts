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

import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { ConfigReader } from '@backstage/config';
import { CatalogIndexProvider } from '../../attribution/CatalogIndexProvider';
import { readDoraConfig } from '../../config';
import { FactDeriver } from '../../reconcile/FactDeriver';
import {
  createTestDatabases,
  createTestStore,
} from '../../__testUtils__/testDatabase';
import { createRouter, RouterOptions } from '../createRouter';

const databases = createTestDatabases(['SQLITE_3']);

/**
 * A router over a real deriver and lease on SQLite, whose full
 * reconciliation runs until the test lets it finish.
 */
async function startRouter() {
  const { store } = await createTestStore(databases, 'SQLITE_3');
  const deriver = new FactDeriver({
    store,
    catalogIndex: {} as CatalogIndexProvider,
    config: readDoraConfig(new ConfigReader({})),
    logger: mockServices.logger.mock(),
    leases: store.leases,
  });
  let finish: (result: {
    reattributed: number;
    derived: number;
  }) => void = () => {};
  const reconcile = jest.spyOn(deriver, 'reconcile').mockImplementation(
    () =>
      new Promise(resolve => {
        finish = resolve;
      }),
  );
  const auditEvent = { success: jest.fn(), fail: jest.fn() };
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => auditEvent),
  });
  const options = {
    deriver,
    auditor,
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    config: { timeZone: 'UTC' },
  } as unknown as RouterOptions;
  const middleware = MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger: mockServices.logger.mock(),
  });
  const app = express().use(await createRouter(options), middleware.error());
  return {
    app,
    reconcile,
    auditor,
    auditEvent,
    finish: (r: any) => finish(r),
  };
}

describe('POST /v1/recompute', () => {
  it('runs one at a time: a second call while one runs answers 409, both audited', async () => {
    const { app, reconcile, auditor, auditEvent, finish } = await startRouter();
    const service = mockCredentials.service.header();
    const first = request(app)
      .post('/v1/recompute')
      .set('Authorization', service)
      .then(r => r);
    while (reconcile.mock.calls.length === 0) {
      await new Promise(resolve => setTimeout(resolve, 5));
    }
    const second = await request(app)
      .post('/v1/recompute')
      .set('Authorization', service);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(
      /^recompute: one is already running/,
    );
    expect(auditEvent.fail).toHaveBeenCalledTimes(1);

    finish({ reattributed: 1, derived: 2 });
    expect((await first).body).toEqual({ reattributed: 1, derived: 2 });
    expect(auditEvent.success).toHaveBeenCalledWith({
      meta: { reattributed: 1, derived: 2 },
    });
    expect(auditor.createEvent).toHaveBeenCalledTimes(2);
    expect(reconcile).toHaveBeenCalledTimes(1);
    expect(reconcile).toHaveBeenCalledWith({ full: true });

    // Free again once the first has finished.
    const third = request(app)
      .post('/v1/recompute')
      .set('Authorization', service)
      .then(r => r);
    while (reconcile.mock.calls.length === 1) {
      await new Promise(resolve => setTimeout(resolve, 5));
    }
    finish({ reattributed: 0, derived: 0 });
    expect((await third).status).toBe(200);
  });
});

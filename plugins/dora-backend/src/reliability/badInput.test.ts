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
import { Knex } from 'knex';
import { mulberry32 } from '@dora-metrics/plugin-dora-backend-module-demo';
import { doraPlugin } from '../plugin';
import { createTestDatabases } from '../__testUtils__/testDatabase';
import {
  checkoutEntity,
  paymentsGroup,
  workedExample,
} from '../__testUtils__/workedExample';
import { validItem } from './__testUtils__/badItems';
import { badRead, everyRouteBare } from './__testUtils__/badReads';
import {
  badPayload,
  BadPayload,
  oversizePayload,
} from './__testUtils__/badRequests';
import { closeRawAgent, RawResponse, sendRaw } from './__testUtils__/rawHttp';
import { printFigures } from './__testUtils__/report';

// Generous: a safety net for a loaded machine, not an assertion (~30 s).
jest.setTimeout(600_000);

const PAYLOADS = 10_000;
const READS = 3_000;
const SEED = Number(process.env.DORA_FUZZ_SEED ?? 20261121);
const EVENT_TABLES = ['dora_deployments', 'dora_changes', 'dora_incidents'];
const databases = createTestDatabases();

/** What an answer must never show a caller: SQL, a stack, a table name. */
const LEAK =
  /\b(select|insert into|update|delete from)\b[^"]*\b(from|set|values)\b|\bat [^"]+\.[jt]s:\d+|dora_[a-z_]+|\b(TypeError|SqliteError|error: )/i;

/**
 * Why a read's answer is wrong, or null: never a 5xx; a 400 or 404 from the
 * plugin says why without SQL or a stack (its `request` part echoes the
 * caller's own URL, so only `error` is looked at). Node itself answers an
 * over-long URL with 431 and no body.
 */
function readProblem(res: RawResponse): string | null {
  if (res.status >= 500)
    return `status ${res.status}: ${res.text.slice(0, 200)}`;
  if (res.status === 400 || res.status === 404) {
    const error = res.json?.error;
    if (typeof error?.message !== 'string')
      return `no error message: ${res.text.slice(0, 200)}`;
    if (LEAK.test(JSON.stringify(error)))
      return `leaks: ${JSON.stringify(error).slice(0, 300)}`;
    return null;
  }
  return res.status === 200 || res.status === 431
    ? null
    : `status ${res.status}`;
}

/** Why an answer is not what `payload` deserves, or null when it is. */
function problem(payload: BadPayload, res: RawResponse): string | null {
  if (payload.expect === 'request') {
    if (!payload.status.includes(res.status)) return `status ${res.status}`;
    const message = res.json?.error?.message;
    if (typeof message !== 'string' || !payload.message.test(message))
      return `message ${JSON.stringify(message)}`;
    return null;
  }
  if (res.status !== 200)
    return `status ${res.status}: ${res.text.slice(0, 200)}`;
  const { accepted, updated, duplicates, rejected } = res.json ?? {};
  if (accepted || updated || duplicates) return `stored: ${res.text}`;
  if (rejected?.length !== payload.fields.length) return `rejected ${res.text}`;
  for (const [i, field] of payload.fields.entries()) {
    const r = rejected[i];
    // The reason starts with the field (or lists the unknown key).
    const reason = String(r.reason);
    if (
      r.index !== i ||
      !(reason.startsWith(`${field}:`) || reason.startsWith(`${field}.`))
    )
      return `item ${i} should name ${field}: ${JSON.stringify(r)}`;
  }
  return null;
}

afterAll(() => closeRawAgent());

describe.each(databases.eachSupportedId())('bad input on %p', id => {
  let knex: Knex;
  let port: number;

  beforeAll(async () => {
    knex = await databases.init(id);
    const { server } = await startTestBackend({
      features: [
        doraPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({
          entities: [checkoutEntity, paymentsGroup],
        }),
      ],
    });
    port = server.port();
  });

  const push = (payload: BadPayload) =>
    sendRaw({
      port,
      method: 'POST',
      path: `/api/dora/v1/${payload.kind}`,
      headers: {
        Authorization: mockCredentials.service.header(),
        ...payload.headers,
      },
      body: payload.body,
    });

  it(`answers ${PAYLOADS} generated bad payloads with a 4xx or named rejections, storing nothing`, async () => {
    const rng = mulberry32(SEED);
    const byStatus: Record<string, number> = {};
    const byCategory: Record<string, number> = {};
    const wrong: string[] = [];
    let rejectedItems = 0;
    const payloads = [
      ...(['deployments', 'changes', 'incidents'] as const).map(
        oversizePayload,
      ),
      ...Array.from({ length: PAYLOADS - 3 }, () => badPayload(rng)),
    ];
    for (const payload of payloads) {
      const res = await push(payload);
      byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
      byCategory[payload.category] = (byCategory[payload.category] ?? 0) + 1;
      if (payload.expect === 'items' && res.status === 200)
        rejectedItems += res.json.rejected.length;
      const why = problem(payload, res);
      if (why && wrong.length < 20)
        wrong.push(`${payload.category} (${payload.kind}): ${why}`);
    }

    const stored = await Promise.all(
      EVENT_TABLES.map(async t =>
        Number((await knex(t).count({ n: '*' }))[0].n),
      ),
    );
    const count = (p: (s: number) => boolean) =>
      Object.entries(byStatus)
        .filter(([s]) => p(Number(s)))
        .reduce((sum, [, n]) => sum + n, 0);
    printFigures(`bad input ${id}`, {
      seed: SEED,
      payloadsTried: payloads.length,
      answered4xx: count(s => s >= 400 && s < 500),
      answered200WithAllItemsRejected: count(s => s === 200),
      itemsRejectedWithReason: rejectedItems,
      answered5xx: count(s => s >= 500),
      eventsStored: stored.reduce((a, b) => a + b, 0),
      statuses: JSON.stringify(byStatus),
    });
    printFigures(`bad input categories ${id}`, byCategory);

    expect(wrong).toEqual([]);
    expect(count(s => s >= 500)).toBe(0);
    expect(stored).toEqual([0, 0, 0]);

    // Still healthy: answers health and stores a good batch.
    const health = await sendRaw({
      port,
      method: 'GET',
      path: '/api/dora/health',
    });
    expect(health.json).toEqual({ status: 'ok' });
    const good = await sendRaw({
      port,
      method: 'POST',
      path: '/api/dora/v1/deployments',
      headers: {
        Authorization: mockCredentials.service.header(),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ deployments: [validItem('deployments', 1)] }),
    });
    expect(good.json).toEqual({
      accepted: 1,
      updated: 0,
      duplicates: 0,
      rejected: [],
    });
  });

  it(`answers every read route's hostile parameters with a 200 or a 4xx, never a 5xx or a leak`, async () => {
    // Data for the reads to reach: the worked example.
    for (const kind of ['deployments', 'incidents'] as const) {
      const res = await sendRaw({
        port,
        method: 'POST',
        path: `/api/dora/v1/${kind}`,
        headers: {
          Authorization: mockCredentials.service.header(),
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ [kind]: workedExample[kind] }),
      });
      expect(res.status).toBe(200);
    }
    const rng = mulberry32(SEED + 1);
    const reads = [
      ...everyRouteBare(),
      ...Array.from({ length: READS }, () => badRead(rng)),
    ];
    const byStatus: Record<string, number> = {};
    const byCategory: Record<string, number> = {};
    const wrong: string[] = [];
    for (const read of reads) {
      // Users on every route but the backfill's, which is for services.
      const res = await sendRaw({
        port,
        method: 'GET',
        path: read.path,
        headers: {
          Authorization: read.path.includes('/v1/backfill')
            ? mockCredentials.service.header()
            : mockCredentials.user.header(),
        },
      });
      byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
      byCategory[read.category] = (byCategory[read.category] ?? 0) + 1;
      const why = readProblem(res);
      if (why && wrong.length < 20)
        wrong.push(`${read.category} ${read.path.slice(0, 200)}: ${why}`);
    }
    const count = (p: (s: number) => boolean) =>
      Object.entries(byStatus)
        .filter(([s]) => p(Number(s)))
        .reduce((sum, [, n]) => sum + n, 0);
    printFigures(`bad reads ${id}`, {
      seed: SEED + 1,
      readsTried: reads.length,
      answered2xx: count(s => s >= 200 && s < 300),
      answered4xx: count(s => s >= 400 && s < 500),
      answered5xx: count(s => s >= 500),
      statuses: JSON.stringify(byStatus),
    });
    printFigures(`bad reads categories ${id}`, byCategory);
    expect(wrong).toEqual([]);
    expect(count(s => s >= 500)).toBe(0);
  });
});

import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { knex as createKnex, Knex } from 'knex';
import { mulberry32 } from '@dora-metrics/plugin-dora-backend-module-demo';
import { doraPlugin } from '../plugin';
import { checkoutEntity } from '../__testUtils__/workedExample';
import { validItem } from './__testUtils__/badItems';
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
const SEED = Number(process.env.DORA_FUZZ_SEED ?? 20261121);
const EVENT_TABLES = ['dora_deployments', 'dora_changes', 'dora_incidents'];

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

describe('bad input', () => {
  let knex: Knex;
  let port: number;

  beforeAll(async () => {
    knex = createKnex({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    const { server } = await startTestBackend({
      features: [
        doraPlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities: [checkoutEntity] }),
      ],
    });
    port = server.port();
  });

  afterAll(async () => {
    closeRawAgent();
    await knex.destroy();
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
    printFigures('bad input', {
      seed: SEED,
      payloadsTried: payloads.length,
      answered4xx: count(s => s >= 400 && s < 500),
      answered200WithAllItemsRejected: count(s => s === 200),
      itemsRejectedWithReason: rejectedItems,
      answered5xx: count(s => s >= 500),
      eventsStored: stored.reduce((a, b) => a + b, 0),
      statuses: JSON.stringify(byStatus),
    });
    printFigures('bad input categories', byCategory);

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
});

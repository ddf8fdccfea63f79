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

import { workedExample } from '../__testUtils__/workedExample';
import { closeRawAgent, RawResponse, sendRaw } from './__testUtils__/rawHttp';
import { printFigures } from './__testUtils__/report';
import {
  startStaticTokenBackend,
  TOKENS,
} from './__testUtils__/staticTokenBackend';

jest.setTimeout(60_000);

const WRITE_ROUTES = ['deployments', 'changes', 'incidents', 'recompute'];
const BODIES: Record<string, object> = {
  deployments: { deployments: workedExample.deployments },
  changes: {
    changes: [
      {
        source: 'git',
        repository: 'acme/checkout',
        sha: 'c9',
        committedAt: '2026-03-02T08:00:00Z',
      },
    ],
  },
  incidents: { incidents: workedExample.incidents },
  recompute: {},
};
const body = (route: string) => BODIES[route];

describe('static tokens, secrets and body limits', () => {
  let port: number;
  let logs: string[];
  const responses: RawResponse[] = [];

  beforeAll(async () => {
    const backend = await startStaticTokenBackend();
    port = backend.server.port();
    logs = backend.logs;
  });
  afterAll(() => closeRawAgent());

  async function post(
    path: string,
    payload: Buffer | string,
    auth?: string,
    type = 'application/json',
  ) {
    const res = await sendRaw({
      port,
      method: 'POST',
      path: `/api/dora/v1/${path}`,
      headers: {
        'Content-Type': type,
        ...(auth ? { Authorization: auth } : {}),
      },
      body: payload,
    });
    responses.push(res);
    return res;
  }
  const bearer = (token: string) => `Bearer ${token}`;

  it('enforces static token restrictions on every write route', async () => {
    for (const route of WRITE_ROUTES) {
      const json = JSON.stringify(body(route));
      const statuses = {
        none: (await post(route, json)).status,
        unknownToken: (await post(route, json, bearer(`${TOKENS.ci}x`))).status,
        otherPluginToken: (await post(route, json, bearer(TOKENS.catalogOnly)))
          .status,
        readOnlyToken: (await post(route, json, bearer(TOKENS.readOnly)))
          .status,
        ciToken: (await post(route, json, bearer(TOKENS.ci))).status,
      };
      expect({ route, ...statuses }).toEqual({
        route,
        none: 401,
        unknownToken: 401,
        otherPluginToken: 403,
        readOnlyToken: 403,
        ciToken: 200,
      });
    }
    const read = await sendRaw({
      port,
      method: 'GET',
      path: `/api/dora/v1/metrics?entityRef=${workedExample.entityRef}`,
      headers: { Authorization: bearer(TOKENS.readOnly) },
    });
    expect(read.status).toBe(200);
    const otherPluginRead = await sendRaw({
      port,
      method: 'GET',
      path: `/api/dora/v1/metrics?entityRef=${workedExample.entityRef}`,
      headers: { Authorization: bearer(TOKENS.catalogOnly) },
    });
    expect(otherPluginRead.status).toBe(403);
    expect(otherPluginRead.json.error.message).toMatch(/restricted to plugin/);
  });

  it('never puts a token into an answer or a log line', async () => {
    const token = TOKENS.ci;
    const [d1] = workedExample.deployments;
    const attempts: [string, Buffer | string, string | undefined][] = [
      // Near-miss and malformed Authorization headers.
      ['deployments', JSON.stringify(body('deployments')), bearer(`${token}0`)],
      ['deployments', JSON.stringify(body('deployments')), `Basic ${token}`],
      ['deployments', JSON.stringify(body('deployments')), token],
      [
        'deployments',
        JSON.stringify(body('deployments')),
        bearer(TOKENS.catalogOnly),
      ],
      // Tokens pasted into bodies: values, bad values, non-JSON, bad UTF-8.
      [
        'deployments',
        JSON.stringify({
          deployments: [{ ...d1, id: token, url: `https://x/?t=${token}` }],
        }),
        bearer(token),
      ],
      [
        'deployments',
        JSON.stringify({ deployments: [{ ...d1, source: `ci:${token}` }] }),
        bearer(token),
      ],
      [
        'deployments',
        JSON.stringify({
          deployments: [{ ...d1, status: token, finishedAt: token }],
        }),
        bearer(token),
      ],
      [
        'incidents',
        JSON.stringify({
          incidents: [
            { ...workedExample.incidents[0], severity: token.repeat(10) },
          ],
        }),
        bearer(token),
      ],
      [
        'deployments',
        JSON.stringify({
          deployments: [{ ...d1, entityRef: `${token}:a/b/c` }],
        }),
        bearer(token),
      ],
      ['changes', `{"changes": [${token}]}`, bearer(token)],
      ['changes', `${token}`, bearer(token)],
      ['changes', `{"changes": [{"sha": "${token}`, bearer(token)],
      [
        'changes',
        Buffer.concat([
          Buffer.from(`{"changes":[{"sha":"${token}`),
          Buffer.from([0xff]),
          Buffer.from('"}]}'),
        ]),
        bearer(token),
      ],
      ['incidents', `{"incidents": "${token}"}`, bearer(token)],
      ['incidents', `{"incidents": "${token}"}`, bearer(`${token}0`)],
      [
        'deployments',
        `{"deployments":["${token}${'x'.repeat(11 * 1024 * 1024)}"]}`,
        bearer(token),
      ],
    ];
    for (const [route, payload, auth] of attempts)
      await post(route, payload, auth);

    const leaks = responses
      .map(r => `${r.status} ${JSON.stringify(r.headers)} ${r.text}`)
      .filter(text => Object.values(TOKENS).some(t => text.includes(t)));
    const logLeaks = logs.filter(line =>
      Object.values(TOKENS).some(t => line.includes(t)),
    );
    printFigures('secrets', {
      requests: responses.length,
      responsesWithToken: leaks.length,
      logLines: logs.length,
      logLinesWithToken: logLeaks.length,
    });
    expect(leaks).toEqual([]);
    expect(logLeaks).toEqual([]);
    // The log did record the refusals, so the absence above means something.
    expect(logs.length).toBeGreaterThan(10);
  });

  it.each(WRITE_ROUTES.slice(0, 3))(
    'answers 413 above 10 MB on %s, 200 just below',
    async route => {
      const over = await post(
        route,
        `{"${route}":["${'x'.repeat(10 * 1024 * 1024)}"]}`,
        bearer(TOKENS.ci),
      );
      expect(over.status).toBe(413);
      expect(over.json.error.message).toBe(
        'request body: larger than the 10mb limit',
      );
      // Just under the limit parses (and the bad item is rejected on its own).
      const under = await post(
        route,
        `{"${route}":["${'x'.repeat(10 * 1024 * 1024 - 100)}"]}`,
        bearer(TOKENS.ci),
      );
      expect(under.status).toBe(200);
      expect(under.json.rejected).toEqual([
        { index: 0, reason: 'item: Expected object, received string' },
      ]);
    },
  );
});

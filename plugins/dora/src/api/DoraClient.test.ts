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

import { ResponseError } from '@backstage/errors';
import { DoraClient } from './DoraClient';

const BASE = 'http://localhost:7007/api/dora';

function clientAnswering(
  body: unknown,
  init: { status: number; statusText: string } = {
    status: 200,
    statusText: 'OK',
  },
) {
  const fetch = jest.fn(
    async (_url: string) =>
      ({
        ok: init.status < 300,
        status: init.status,
        statusText: init.statusText,
        url: '',
        type: 'basic',
        redirected: false,
        headers: new Headers({ 'content-type': 'application/json' }),
        json: async () => body,
        text: async () => JSON.stringify(body),
      } as Response),
  );
  const client = new DoraClient({
    discoveryApi: { getBaseUrl: async () => BASE },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

/** The URL the client fetched, with its query as a plain object. */
function requested(fetch: jest.Mock) {
  const url = new URL(fetch.mock.calls[0][0]);
  return {
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    search: url.search,
  };
}

describe('DoraClient', () => {
  it('reads entity metrics with the query as given, leaving out what is absent', async () => {
    const answer = { entityRef: 'component:default/checkout' };
    const { client, fetch } = clientAnswering(answer);
    await expect(
      client.getEntityMetrics({
        entityRef: 'component:default/checkout',
        from: '2026-03-02',
        to: undefined,
        granularity: 'day',
      }),
    ).resolves.toEqual(answer);
    expect(requested(fetch)).toEqual({
      path: '/api/dora/v1/metrics',
      query: {
        entityRef: 'component:default/checkout',
        from: '2026-03-02',
        granularity: 'day',
      },
      search:
        '?entityRef=component%3Adefault%2Fcheckout&from=2026-03-02&granularity=day',
    });
  });

  it('writes booleans and numbers as the backend parses them', async () => {
    const teams = clientAnswering({});
    await teams.client.getTeamMetrics({
      groupRef: 'group:default/payments',
      ownership: 'at-event',
      includeSubgroups: false,
    });
    expect(requested(teams.fetch)).toMatchObject({
      path: '/api/dora/v1/teams/metrics',
      query: {
        groupRef: 'group:default/payments',
        ownership: 'at-event',
        includeSubgroups: 'false',
      },
    });
    const page = clientAnswering({ items: [], nextCursor: null });
    await page.client.listIncidents({
      entityRef: 'component:default/checkout',
      limit: 20,
      cursor: 'abc',
    });
    expect(requested(page.fetch)).toMatchObject({
      path: '/api/dora/v1/incidents',
      query: { limit: '20', cursor: 'abc' },
    });
  });

  it('sends templateRef null as an empty value (no template)', async () => {
    const { client, fetch } = clientAnswering({});
    await client.getTemplateMetrics({ templateRef: null, from: '2026-03-02' });
    expect(requested(fetch)).toEqual({
      path: '/api/dora/v1/templates/metrics',
      query: { templateRef: '', from: '2026-03-02' },
      search: '?from=2026-03-02&templateRef=',
    });
    const named = clientAnswering({});
    await named.client.getTemplateMetrics({
      templateRef: 'template:default/node-service',
    });
    expect(requested(named.fetch).query).toEqual({
      templateRef: 'template:default/node-service',
    });
  });

  it('reads routes without parameters without a query string', async () => {
    const { client, fetch } = clientAnswering({ unknownEntities: [] });
    await client.getDataQuality();
    expect(fetch.mock.calls[0][0]).toBe(`${BASE}/v1/data-quality`);
  });

  it('throws the backend error as a ResponseError', async () => {
    const { client } = clientAnswering(
      {
        error: { name: 'NotFoundError', message: 'entityRef: no such entity' },
        response: { statusCode: 404 },
      },
      { status: 404, statusText: 'Not Found' },
    );
    const error = await client
      .listDeployments({ entityRef: 'component:default/nope' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.body.error).toMatchObject({ name: 'NotFoundError' });
  });
});

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

import { DoraApiClient } from './DoraApiClient';

function fakeFetch(body: unknown) {
  return jest.fn(
    async (_url: RequestInfo | URL, _init?: RequestInit) =>
      ({ ok: true, status: 200, json: async () => body } as Response),
  );
}

describe('DoraApiClient', () => {
  const discoveryApi = {
    getBaseUrl: async (pluginId: string) => `http://backend/api/${pluginId}`,
  };

  it('reads a path of the dora plugin with its query', async () => {
    const fetch = fakeFetch({ status: 'ok' });
    const client = new DoraApiClient({ discoveryApi, fetchApi: { fetch } });
    await expect(client.read('/health', {})).resolves.toEqual({
      status: 'ok',
    });
    await client.read('/v1/deployments', {
      entityRef: 'component:default/checkout',
      limit: 5,
      cursor: undefined,
    });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://backend/api/dora/health',
      'http://backend/api/dora/v1/deployments?entityRef=component%3Adefault%2Fcheckout&limit=5',
    ]);
  });

  it('sends a backend caller token as a bearer token, and nothing otherwise', async () => {
    const fetch = fakeFetch({});
    const client = new DoraApiClient({ discoveryApi, fetchApi: { fetch } });
    await client.read('/v1/data-quality', {}, { token: 't0k' });
    await client.read('/v1/data-quality', {});
    expect(fetch.mock.calls.map(([, init]) => init)).toEqual([
      { headers: { Authorization: 'Bearer t0k' } },
      undefined,
    ]);
  });
});

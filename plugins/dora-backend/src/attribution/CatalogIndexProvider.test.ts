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
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogIndexProvider } from './CatalogIndexProvider';

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/team' },
});

function setup(maxAgeMs: number) {
  const entities = [component('a')];
  let failing = false;
  const streamEntities = jest.fn(async function* stream() {
    if (failing) throw new Error('catalog down');
    yield [...entities];
  });
  const logger = mockServices.logger.mock();
  const provider = new CatalogIndexProvider(
    {
      catalog: { streamEntities } as unknown as CatalogService,
      auth: mockServices.auth(),
      logger,
    },
    maxAgeMs,
  );
  return {
    provider,
    streamEntities,
    logger,
    add: (name: string) => entities.push(component(name)),
    fail: () => {
      failing = true;
    },
  };
}

describe('CatalogIndexProvider', () => {
  it('reads the catalog once while the index is fresh', async () => {
    const { provider, streamEntities } = setup(60_000);
    await Promise.all([provider.get(), provider.get()]);
    await provider.get();
    expect(streamEntities).toHaveBeenCalledTimes(1);
  });

  it('answers with the stale index while a rebuild runs in the background', async () => {
    const { provider, add, streamEntities } = setup(0);
    expect((await provider.get()).get('component:default/a')).toBeDefined();
    add('b');
    const stale = await provider.get();
    expect(stale.get('component:default/b')).toBeUndefined();
    // The rebuild that get() started is the one refresh() joins.
    const fresh = await provider.refresh();
    expect(fresh.get('component:default/b')).toBeDefined();
    expect(streamEntities).toHaveBeenCalledTimes(2);
    expect((await provider.get()).get('component:default/b')).toBeDefined();
  });

  it('keeps the last index when a background rebuild fails, and says so', async () => {
    const { provider, fail, logger } = setup(0);
    const first = await provider.get();
    fail();
    expect(await provider.get()).toBe(first);
    await expect(provider.refresh()).rejects.toThrow('catalog down');
    await new Promise(resolve => setImmediate(resolve));
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('refresh failed, keeping the last one'),
    );
  });
});

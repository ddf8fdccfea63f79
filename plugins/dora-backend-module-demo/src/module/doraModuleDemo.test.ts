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

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DoraIngestExtensionPoint,
  DoraIngestProvider,
  doraIngestExtensionPoint,
} from '@dora-metrics/plugin-dora-node';
import { JsonObject } from '@backstage/types';
import { doraModuleDemo } from './doraModuleDemo';

// The module alone, with the extension point stood in for: what it adds to
// the dora plugin for a given `dora.demo` (the plugin's side is tested in
// @dora-metrics/plugin-dora-backend, with this module).
async function providersAdded(demo: JsonObject | undefined) {
  const providers: DoraIngestProvider[] = [];
  const extensionPoint: DoraIngestExtensionPoint = {
    addIngestProvider: (...added) => providers.push(...added.flat()),
    addBackfillSource: () => {
      throw new Error('the demo module adds no backfill source');
    },
  };
  await startTestBackend({
    extensionPoints: [[doraIngestExtensionPoint, extensionPoint]],
    features: [
      doraModuleDemo,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({ data: demo ? { dora: { demo } } : {} }),
    ],
  });
  return providers.map(p => p.getProviderName());
}

describe('doraModuleDemo', () => {
  it('adds the demo provider when dora.demo.enabled is true', async () => {
    expect(await providersAdded({ enabled: true })).toEqual(['demo']);
  });

  it('adds nothing when the demo is off or not configured', async () => {
    expect(await providersAdded({ enabled: false, days: 30 })).toEqual([]);
    expect(await providersAdded(undefined)).toEqual([]);
  });

  it('refuses a history of no days', async () => {
    await expect(providersAdded({ enabled: true, days: 0 })).rejects.toThrow(
      /dora.demo.days/,
    );
  });
});

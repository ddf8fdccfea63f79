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
import { BackfillSource } from '@dora-metrics/plugin-dora-node';
import { BackfillService } from './BackfillService';

const source = (name: string): BackfillSource => ({
  source: name,
  steps: ['all'],
  targets: () => [],
  fetchPage: async () => {
    throw new Error('not read in this test');
  },
});

describe('BackfillService', () => {
  it('refuses two sources of one name, such as a module copying a built-in one', () => {
    const create = (sources: BackfillSource[]) =>
      new BackfillService({
        sources,
        state: {} as never,
        observations: {} as never,
        catalogIndex: {} as never,
        logger: mockServices.logger.mock(),
        lookbackMs: 0,
      });
    expect(() => create([source('github'), source('ci')])).not.toThrow();
    expect(() => create([source('github'), source('github')])).toThrow(
      "DORA backfill: two sources are named 'github'",
    );
  });
});

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

import { EntityMetricsSummary } from '@dora-metrics/plugin-dora-common';
import { perEntityDeploymentFrequency } from './pools';

const entity = (perDay: number | null) =>
  ({
    metrics: { deploymentFrequency: { perDay } },
  } as unknown as EntityMetricsSummary);

describe('perEntityDeploymentFrequency', () => {
  it('is the median of the entities with data, a measured zero included', () => {
    // The entity with nothing stored is left out, not counted as 0.
    expect(
      perEntityDeploymentFrequency([entity(0.5), entity(null), entity(0)]),
    ).toBe(0.25);
  });

  it('is null when no entity has data', () => {
    expect(perEntityDeploymentFrequency([entity(null)])).toBeNull();
    expect(perEntityDeploymentFrequency([])).toBeNull();
  });
});

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

import { DeploymentView, Page } from '@dora-metrics/plugin-dora-common';
import { StoredDeploymentView } from '../database/types';
import { median } from '../metrics/stats';

/**
 * A page of an entity's deployments as the API lists them: each with the
 * median lead time of the commits it shipped (clock-skewed ones, negative,
 * left out as the metrics leave them out).
 */
export function withLeadTimes(
  page: Page<StoredDeploymentView>,
): Page<DeploymentView> {
  return {
    ...page,
    items: page.items.map(d => ({
      ...d,
      leadTimeHours: median(
        d.commits.map(c => c.leadTimeHours).filter(h => h >= 0),
      ),
    })),
  };
}

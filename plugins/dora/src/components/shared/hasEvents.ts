import {
  DoraMetrics,
  EntityMetricsResponse,
} from '@dora-metrics/plugin-dora-common';

function anyEvents(m: DoraMetrics): boolean {
  return (
    m.deploymentFrequency.count > 0 ||
    m.changeFailureRate.total > 0 ||
    m.leadTime.samples > 0 ||
    m.recoveryTime.samples > 0 ||
    m.recoveryTime.timeToRestoreSamples > 0 ||
    m.recoveryTime.openIncidents > 0
  );
}

/**
 * Whether the entity has anything counted in this window or the one before.
 * If not, an empty state explains how events arrive instead of five tiles of
 * "No data"; if only this window is empty, the tiles say "No data" and the
 * previous figures still show.
 */
export function hasEvents(report: EntityMetricsResponse): boolean {
  return anyEvents(report) || anyEvents(report.previous);
}

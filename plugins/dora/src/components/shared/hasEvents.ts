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
 * Whether any deployment of the entity is stored (its history has started),
 * or anything is counted in this window or the one before. If not, nothing
 * is wired yet: an empty state explains how events arrive instead of five
 * tiles of "No data". A service that deploys, but not in this window, shows
 * its measured zero.
 */
export function hasEvents(report: EntityMetricsResponse): boolean {
  return (
    Boolean(report.deploymentFrequency.historyStartsAt) ||
    anyEvents(report) ||
    anyEvents(report.previous)
  );
}

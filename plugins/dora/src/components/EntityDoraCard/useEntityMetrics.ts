import { useApi } from '@backstage/core-plugin-api';
import {
  DoraMetrics,
  EntityMetricsResponse,
  Granularity,
} from '@dora-metrics/plugin-dora-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { doraApiRef } from '../../api';

/** The metrics of one entity over a window, refetched when any input changes. */
export function useEntityMetrics(options: {
  entityRef: string;
  from: string;
  to: string;
  granularity?: Granularity;
}) {
  const api = useApi(doraApiRef);
  const { entityRef, from, to, granularity } = options;
  return useAsyncRetry(
    () => api.getEntityMetrics({ entityRef, from, to, granularity }),
    [api, entityRef, from, to, granularity],
  );
}

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

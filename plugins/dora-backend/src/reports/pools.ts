import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  EntityMetricsSummary,
  Granularity,
  MetricsReport,
} from '@dora-metrics/plugin-dora-common';
import { DoraConfig } from '../config';
import {
  computeDataQuality,
  computeMetrics,
  computeSeries,
  FactPool,
} from '../metrics/computeMetrics';
import { previousWindow, Window } from '../metrics/time';
import { windowJson } from './window';

/** A read request: its window and who asks. */
export type Request = { window: Window; credentials: BackstageCredentials };

/** The part of a pool that belongs to `entityRefs`. */
export function poolOf(
  pool: FactPool,
  entityRefs: ReadonlySet<string>,
): FactPool {
  return {
    deployments: pool.deployments.filter(d => entityRefs.has(d.entityRef)),
    recoveries: pool.recoveries.filter(r => entityRefs.has(r.entityRef)),
    incidents: pool.incidents.filter(i => entityRefs.has(i.entityRef)),
  };
}

const options = (config: DoraConfig) => ({
  timeZone: config.timeZone,
  bands: config.bands,
});

/** The five metrics of a pool with its data quality, for table rows. */
export function metricsOf(pool: FactPool, window: Window, config: DoraConfig) {
  return {
    ...computeMetrics(pool, window, options(config)),
    dataQuality: computeDataQuality(pool, window),
  };
}

/** One entity's row, computed from a pool holding (at least) its facts. */
export function entitySummary(
  pool: FactPool,
  entityRef: string,
  title: string | null,
  window: Window,
  config: DoraConfig,
): EntityMetricsSummary {
  return {
    entityRef,
    title,
    metrics: metricsOf(poolOf(pool, new Set([entityRef])), window, config),
  };
}

/** The full report: window, previous window, series and data quality. */
export function metricsReport(
  pool: FactPool,
  window: Window,
  granularity: Granularity,
  config: DoraConfig,
): MetricsReport {
  const previous = previousWindow(window);
  return {
    window: windowJson(window),
    ...computeMetrics(pool, window, options(config)),
    previous: {
      window: windowJson(previous),
      ...computeMetrics(pool, previous, options(config)),
    },
    granularity,
    timeZone: config.timeZone,
    bands: config.bands,
    series: computeSeries(pool, window, granularity, config.timeZone),
    dataQuality: computeDataQuality(pool, window),
  };
}

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  EntityMetricsSummary,
  Granularity,
  MetricsReport,
} from '@dora-metrics/plugin-dora-common';
import { CatalogIndex } from '../attribution/CatalogIndex';
import { DoraConfig } from '../config';
import {
  computeDataQuality,
  computeMetrics,
  computeSeries,
} from '../metrics/computeMetrics';
import { EMPTY_POOL, FactPool, poolsByEntity } from '../metrics/pool/factPool';
import { previousWindow, Window } from '../metrics/time';
import { windowJson } from './window';

/** A read request: its window and who asks. */
export type Request = { window: Window; credentials: BackstageCredentials };

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

/** One row per entity (titled from the index), each from its own facts. */
export function entitySummaries(
  pool: FactPool,
  entityRefs: readonly string[],
  index: CatalogIndex,
  window: Window,
  config: DoraConfig,
): EntityMetricsSummary[] {
  const own = poolsByEntity(pool);
  return entityRefs.map(entityRef => ({
    entityRef,
    title: index.get(entityRef)?.title ?? null,
    metrics: metricsOf(own.get(entityRef) ?? EMPTY_POOL, window, config),
  }));
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

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

type MutablePool = {
  [K in keyof FactPool]: FactPool[K][number][];
};

/** A pool split by entity in one pass (entities without facts are absent). */
export function poolsByEntity(pool: FactPool): Map<string, FactPool> {
  const pools = new Map<string, MutablePool>();
  const of = (entityRef: string) => {
    let own = pools.get(entityRef);
    if (!own) {
      own = { deployments: [], recoveries: [], incidents: [] };
      pools.set(entityRef, own);
    }
    return own;
  };
  for (const d of pool.deployments) of(d.entityRef).deployments.push(d);
  for (const r of pool.recoveries) of(r.entityRef).recoveries.push(r);
  for (const i of pool.incidents) of(i.entityRef).incidents.push(i);
  return pools;
}

export const EMPTY_POOL: FactPool = {
  deployments: [],
  recoveries: [],
  incidents: [],
};

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

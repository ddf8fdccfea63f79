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
import { countedOnce } from '../metrics/pool/countedOnce';
import { EMPTY_POOL, FactPool, poolsByEntity } from '../metrics/pool/factPool';
import { median } from '../metrics/stats';
import { previousWindow, Window } from '../metrics/time';
import { windowJson } from './window';

/** A read request: its window and who asks. */
export type Request = { window: Window; credentials: BackstageCredentials };

const options = (config: DoraConfig) => ({
  timeZone: config.timeZone,
  bands: config.bands,
});

/**
 * The five metrics of a pool with its data quality, for table rows. A
 * deployment of several of the pool's entities counts once.
 */
export function metricsOf(
  entitiesPool: FactPool,
  window: Window,
  config: DoraConfig,
) {
  const pool = countedOnce(entitiesPool);
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

/**
 * The full report: window, previous window, series and data quality. A
 * deployment of several of the pool's entities counts once.
 */
export function metricsReport(
  entitiesPool: FactPool,
  window: Window,
  granularity: Granularity,
  config: DoraConfig,
): MetricsReport {
  const pool = countedOnce(entitiesPool);
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
    series: computeSeries(
      pool,
      window,
      granularity,
      config.timeZone,
      config.bands,
    ),
    dataQuality: computeDataQuality(pool, window),
  };
}

/**
 * The median of the entities' own deployments per day, each over its own
 * history; entities without data (nothing stored, or a history that starts
 * after the window) are left out rather than counted as zero.
 */
export function perEntityDeploymentFrequency(
  entities: readonly EntityMetricsSummary[],
): number | null {
  return median(
    entities.flatMap(e => {
      const perDay = e.metrics.deploymentFrequency.perDay;
      return perDay === null ? [] : [perDay];
    }),
  );
}

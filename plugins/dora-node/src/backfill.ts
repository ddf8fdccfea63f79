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

import { Observations } from './observations';

/**
 * What the DORA plugin knows of one catalog entity, as backfill sources see
 * it. Refs and repository names are lower case.
 *
 * @public
 */
export type DoraCatalogEntity = {
  /** `kind:namespace/name`, lower case. */
  ref: string;
  kind: string;
  title: string | null;
  /** The owner group's ref, lower case. */
  ownerRef: string | null;
  /** Repository annotations (`github.com/project-slug`, `gitlab.com/project-slug`). */
  repositories: ReadonlyArray<{ annotation: string; value: string }>;
  /** The `pagerduty.com/service-id` annotation. */
  pagerDutyServiceId: string | null;
  /** The `dora-metrics/production-environments` annotation, split. */
  productionEnvironments: readonly string[] | null;
};

/**
 * The plugin's in-memory view of the catalog, the one attribution uses, so
 * that a source backfills exactly the repositories and services whose events
 * will be attributed.
 *
 * @public
 */
export interface DoraCatalogIndex {
  entities(): Iterable<DoraCatalogEntity>;
  get(entityRef: string): DoraCatalogEntity | undefined;
  /** Entities annotated with this repository (`owner/name`). */
  byRepositoryName(repository: string): DoraCatalogEntity[];
  /** Entities annotated with this PagerDuty service id. */
  byPagerDutyService(serviceId: string): DoraCatalogEntity[];
}

/**
 * One step of the backfill of one target, as the plugin hands it to
 * {@link BackfillSource.fetchPage}. The plugin stores the job's progress
 * after every page.
 *
 * @public
 */
export type BackfillJob = {
  /** `source:target:step`. */
  readonly key: string;
  readonly source: string;
  /** A value {@link BackfillSource.targets} returned. */
  readonly target: string;
  /** One of {@link BackfillSource.steps}. */
  readonly step: string;
  /** The `cursor` of the previous page; null on the first page. */
  readonly cursor: unknown | null;
  /** Oldest time (epoch milliseconds) this run reads, fixed when it starts. */
  readonly since: number;
  /** When this run started (epoch milliseconds): the newest time to read. */
  readonly runStartedAt: number;
};

/**
 * One page of a backfill step: what it yields and where the next starts.
 *
 * @public
 */
export type BackfillPage = {
  /** Goes through the same merge and ingest path as webhook deliveries. */
  observations: Observations;
  /**
   * Where the next page starts, stored as JSON (so it survives a restart);
   * null when the step is complete.
   */
  cursor: unknown | null;
  /** Pages in all, when the provider says. */
  pagesTotal?: number;
  /** Provider records read on this page (for progress reports). */
  items: number;
};

/**
 * A provider the backfill reads history from. The plugin runs every step of
 * every target page by page, one job at a time, and resumes a stopped job
 * from its last stored cursor.
 *
 * @public
 */
export interface BackfillSource {
  /** Unique among the plugin's sources; the first part of each job key. */
  readonly source: string;
  /** Steps run in this order for each target. */
  readonly steps: readonly string[];
  /** Repositories or services to backfill, from the catalog's annotations. */
  targets(catalog: DoraCatalogIndex): string[];
  /** Reads one page; throwing marks the job failed until the next run. */
  fetchPage(job: BackfillJob, signal?: AbortSignal): Promise<BackfillPage>;
}

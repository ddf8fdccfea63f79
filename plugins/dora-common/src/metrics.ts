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

import type { components } from './schema/openapi.generated';

// The wire types are generated from the backend's openapi.yaml; these are
// their names in this package. Describe a field in openapi.yaml, not here.
/** The schemas of openapi.yaml, by name. @public */
export type DoraSchemas = components['schemas'];

/** A query window, `[from, to)`, as ISO strings in UTC. @public */
export type MetricWindow = DoraSchemas['Window'];

/** @public */
export type Granularity = DoraSchemas['Granularity'];
/** @public */
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

/** Team views: ownership as it is now, or as recorded when each event happened. @public */
export type OwnershipMode = DoraSchemas['OwnershipMode'];
/** @public */
export const OWNERSHIP_MODES: readonly OwnershipMode[] = [
  'current',
  'at-event',
];

/** @public */
export type DeploymentFrequency = DoraSchemas['DeploymentFrequency'];
/** @public */
export type LeadTimeStages = DoraSchemas['LeadTimeStages'];
/** @public */
export type LeadTime = DoraSchemas['LeadTime'];
/** @public */
export type ChangeFailureRate = DoraSchemas['ChangeFailureRate'];
/** @public */
export type RecoveryTime = DoraSchemas['RecoveryTime'];
/** @public */
export type ReworkRate = DoraSchemas['ReworkRate'];
/** What makes a figure missing or doubtful, counted over the window. @public */
export type MetricsDataQuality = DoraSchemas['MetricsDataQuality'];
/** The five metrics. @public */
export type DoraMetrics = DoraSchemas['Metrics'];
/** One bucket of a trend series. @public */
export type SeriesPoint = DoraSchemas['SeriesPoint'];
/** The five metrics over a window with the previous period and a series. @public */
export type MetricsReport = DoraSchemas['MetricsReport'];
/** `GET /v1/metrics`. @public */
export type EntityMetricsResponse = DoraSchemas['EntityMetrics'];
/** A row of a team or template entity list. @public */
export type EntityMetricsSummary = DoraSchemas['EntityMetricsSummary'];
/** `GET /v1/teams/metrics`. @public */
export type TeamMetricsResponse = DoraSchemas['TeamMetrics'];
/** A row of `GET /v1/templates/report`. @public */
export type TemplateReportRow = DoraSchemas['TemplateRow'];
/** `GET /v1/templates/report`. @public */
export type TemplateReportResponse = DoraSchemas['TemplateReport'];
/** `GET /v1/templates/metrics`. @public */
export type TemplateMetricsResponse = DoraSchemas['TemplateMetrics'];

/** A cursor page. @public */
export type Page<T> = { items: T[]; nextCursor: string | null };

/** An item of `GET /v1/deployments`. @public */
export type DeploymentView = DoraSchemas['Deployment'];
/** An item of `GET /v1/incidents`. @public */
export type IncidentView = DoraSchemas['Incident'];
/** `GET /v1/data-quality`: what keeps numbers from being right. @public */
export type DataQualityReport = DoraSchemas['DataQualityReport'];

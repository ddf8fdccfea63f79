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

import { createApiRef } from '@backstage/core-plugin-api';
import {
  DataQualityReport,
  DeploymentView,
  DoraReadQuery,
  EntityMetricsResponse,
  IncidentView,
  Page,
  TeamMetricsResponse,
  TemplateMetricsResponse,
  TemplateReportResponse,
} from '@dora-metrics/plugin-dora-common';

// Query types come from the backend's openapi.yaml (through dora-common), so
// a parameter added there reaches this interface without a copy.

/** A `[from, to)` window as ISO strings; both optional (default: last 90 days). @public */
export type WindowQuery = DoraReadQuery<'/v1/templates/report'>;

/** Client of the DORA backend's read API. @public */
export interface DoraApi {
  getEntityMetrics(
    query: DoraReadQuery<'/v1/metrics'>,
  ): Promise<EntityMetricsResponse>;
  getTeamMetrics(
    query: DoraReadQuery<'/v1/teams/metrics'>,
  ): Promise<TeamMetricsResponse>;
  getTemplateReport(query: WindowQuery): Promise<TemplateReportResponse>;
  /** `templateRef: null` asks for the entities created from no template. */
  getTemplateMetrics(
    query: Omit<DoraReadQuery<'/v1/templates/metrics'>, 'templateRef'> & {
      templateRef: string | null;
    },
  ): Promise<TemplateMetricsResponse>;
  listDeployments(
    query: DoraReadQuery<'/v1/deployments'>,
  ): Promise<Page<DeploymentView>>;
  listIncidents(
    query: DoraReadQuery<'/v1/incidents'>,
  ): Promise<Page<IncidentView>>;
  getDataQuality(): Promise<DataQualityReport>;
}

/** @public */
export const doraApiRef = createApiRef<DoraApi>({ id: 'plugin.dora.api' });

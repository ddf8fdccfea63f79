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

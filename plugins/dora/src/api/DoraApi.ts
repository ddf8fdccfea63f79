import { createApiRef } from '@backstage/core-plugin-api';
import {
  DataQualityReport,
  DeploymentView,
  EntityMetricsResponse,
  Granularity,
  IncidentView,
  OwnershipMode,
  Page,
  TeamMetricsResponse,
  TemplateMetricsResponse,
  TemplateReportResponse,
} from '@dora-metrics/plugin-dora-common';

/** A `[from, to)` window as ISO strings; both optional (default: last 90 days). @public */
export type WindowQuery = { from?: string; to?: string };

/** Client of the DORA backend's read API. @public */
export interface DoraApi {
  getEntityMetrics(
    query: WindowQuery & { entityRef: string; granularity?: Granularity },
  ): Promise<EntityMetricsResponse>;
  getTeamMetrics(
    query: WindowQuery & {
      groupRef: string;
      granularity?: Granularity;
      ownership?: OwnershipMode;
      includeSubgroups?: boolean;
    },
  ): Promise<TeamMetricsResponse>;
  getTemplateReport(query: WindowQuery): Promise<TemplateReportResponse>;
  /** `templateRef: null` asks for the entities created from no template. */
  getTemplateMetrics(
    query: WindowQuery & { templateRef: string | null },
  ): Promise<TemplateMetricsResponse>;
  listDeployments(
    query: WindowQuery & { entityRef: string; limit?: number; cursor?: string },
  ): Promise<Page<DeploymentView>>;
  listIncidents(
    query: WindowQuery & { entityRef: string; limit?: number; cursor?: string },
  ): Promise<Page<IncidentView>>;
  getDataQuality(): Promise<DataQualityReport>;
}

/** @public */
export const doraApiRef = createApiRef<DoraApi>({ id: 'plugin.dora.api' });

import type { components } from './schema/openapi.generated';

// The wire types are generated from the backend's openapi.yaml; these are
// their names in this package. Describe a field in openapi.yaml, not here.
type Schemas = components['schemas'];

/** A query window, `[from, to)`, as ISO strings in UTC. @public */
export type MetricWindow = Schemas['Window'];

/** @public */
export type Granularity = Schemas['Granularity'];
/** @public */
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

/** Team views: ownership as it is now, or as recorded when each event happened. @public */
export type OwnershipMode = Schemas['OwnershipMode'];
/** @public */
export const OWNERSHIP_MODES: readonly OwnershipMode[] = [
  'current',
  'at-event',
];

/** @public */
export type DeploymentFrequency = Schemas['DeploymentFrequency'];
/** @public */
export type LeadTimeStages = Schemas['LeadTimeStages'];
/** @public */
export type LeadTime = Schemas['LeadTime'];
/** @public */
export type ChangeFailureRate = Schemas['ChangeFailureRate'];
/** @public */
export type RecoveryTime = Schemas['RecoveryTime'];
/** @public */
export type ReworkRate = Schemas['ReworkRate'];
/** What makes a figure missing or doubtful, counted over the window. @public */
export type MetricsDataQuality = Schemas['MetricsDataQuality'];
/** The five metrics. @public */
export type DoraMetrics = Schemas['Metrics'];
/** One bucket of a trend series. @public */
export type SeriesPoint = Schemas['SeriesPoint'];
/** The five metrics over a window with the previous period and a series. @public */
export type MetricsReport = Schemas['MetricsReport'];
/** `GET /v1/metrics`. @public */
export type EntityMetricsResponse = Schemas['EntityMetrics'];
/** A row of a team or template entity list. @public */
export type EntityMetricsSummary = Schemas['EntityMetricsSummary'];
/** `GET /v1/teams/metrics`. @public */
export type TeamMetricsResponse = Schemas['TeamMetrics'];
/** A row of `GET /v1/templates/report`. @public */
export type TemplateReportRow = Schemas['TemplateRow'];
/** `GET /v1/templates/report`. @public */
export type TemplateReportResponse = Schemas['TemplateReport'];
/** `GET /v1/templates/metrics`. @public */
export type TemplateMetricsResponse = Schemas['TemplateMetrics'];

/** A cursor page. @public */
export type Page<T> = { items: T[]; nextCursor: string | null };

/** An item of `GET /v1/deployments`. @public */
export type DeploymentView = Schemas['Deployment'];
/** An item of `GET /v1/incidents`. @public */
export type IncidentView = Schemas['Incident'];
/** `GET /v1/data-quality`: what keeps numbers from being right. @public */
export type DataQualityReport = Schemas['DataQualityReport'];

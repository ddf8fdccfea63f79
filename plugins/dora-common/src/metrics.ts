import { Band, BandThresholds } from './bands';

/** A query window, `[from, to)`, as ISO strings in UTC. @public */
export type MetricWindow = { from: string; to: string };

/** @public */
export type Granularity = 'day' | 'week' | 'month';
/** @public */
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

/** Team views: ownership as it is now, or as recorded when each event happened. @public */
export type OwnershipMode = 'current' | 'at-event';
/** @public */
export const OWNERSHIP_MODES: readonly OwnershipMode[] = [
  'current',
  'at-event',
];

/** @public */
export type DeploymentFrequency = {
  count: number;
  perDay: number | null;
  deploymentDays: number;
  medianDeploymentDaysPerWeek: number | null;
  /** Used for the medium band: median deployment days per calendar month. */
  medianDeploymentDaysPerMonth: number | null;
  band: Band | null;
};

/** @public */
export type LeadTimeStages = {
  codingHours: number | null;
  pickupHours: number | null;
  reviewHours: number | null;
  deployHours: number | null;
};

/** @public */
export type LeadTime = {
  medianHours: number | null;
  p90Hours: number | null;
  samples: number;
  band: Band | null;
  stages: LeadTimeStages;
};

/** @public */
export type ChangeFailureRate = {
  failed: number;
  total: number;
  rate: number | null;
  band: Band | null;
};

/** @public */
export type RecoveryTime = {
  medianHours: number | null;
  samples: number;
  band: Band | null;
  timeToRestoreMedianHours: number | null;
  timeToRestoreSamples: number;
  openIncidents: number;
};

/** @public */
export type ReworkRate = {
  unplanned: number;
  total: number;
  rate: number | null;
};

/** What makes a figure missing or doubtful, counted over the window. @public */
export type MetricsDataQuality = {
  /** Shipped commits with a commit time after their deployment finished. */
  clockSkewedChanges: number;
  /** Incidents started in the window that link to no deployment. */
  unlinkedIncidents: number;
  /** Deployments whose shipped commits could not be found in the known history. */
  deploymentsWithUnknownCommits: number;
};

/** The five metrics. @public */
export type DoraMetrics = {
  deploymentFrequency: DeploymentFrequency;
  leadTime: LeadTime;
  changeFailureRate: ChangeFailureRate;
  recoveryTime: RecoveryTime;
  reworkRate: ReworkRate;
};

/** One bucket of a trend series. @public */
export type SeriesPoint = {
  start: string;
  deployments: number;
  leadTimeMedianHours: number | null;
  leadTimeP90Hours: number | null;
  failedDeployments: number;
  changeFailureRate: number | null;
  recoveryMedianHours: number | null;
  reworkRate: number | null;
};

/** The five metrics over a window with the previous period and a series. @public */
export type MetricsReport = DoraMetrics & {
  window: MetricWindow;
  previous: DoraMetrics & { window: MetricWindow };
  granularity: Granularity;
  timeZone: string;
  /** The band thresholds the server applied (configurable, `dora.bands`). */
  bands?: BandThresholds;
  series: SeriesPoint[];
  dataQuality: MetricsDataQuality;
};

/** `GET /v1/metrics`. @public */
export type EntityMetricsResponse = MetricsReport & { entityRef: string };

/** A row of a team or template entity list. @public */
export type EntityMetricsSummary = {
  entityRef: string;
  title: string | null;
  metrics: DoraMetrics & { dataQuality: MetricsDataQuality };
};

/** `GET /v1/teams/metrics`. @public */
export type TeamMetricsResponse = MetricsReport & {
  groupRef: string;
  ownership: OwnershipMode;
  includeSubgroups: boolean;
  entityCount: number;
  hiddenEntityCount: number;
  /** Median across entities of each entity's deployments per day. */
  perEntityDeploymentFrequency: number | null;
  entities: EntityMetricsSummary[];
};

/** A row of `GET /v1/templates/report`. @public */
export type TemplateReportRow = {
  templateRef: string | null;
  title: string | null;
  entityCount: number;
  hiddenEntityCount: number;
  metrics: DoraMetrics & { dataQuality: MetricsDataQuality };
};

/** `GET /v1/templates/report`. @public */
export type TemplateReportResponse = {
  window: MetricWindow;
  templates: TemplateReportRow[];
};

/** `GET /v1/templates/metrics`. @public */
export type TemplateMetricsResponse = TemplateReportRow & {
  window: MetricWindow;
  entities: EntityMetricsSummary[];
};

/** A cursor page. @public */
export type Page<T> = { items: T[]; nextCursor: string | null };

/** An item of `GET /v1/deployments`. @public */
export type DeploymentView = {
  source: string;
  id: string;
  entityRef: string;
  environment: string;
  status: string;
  kind: string;
  sha: string | null;
  startedAt: string | null;
  finishedAt: string;
  url: string | null;
  counted: boolean;
  failed: boolean;
  rollbackOf: string | null;
  linkedIncidents: string[];
  leadTimeHours: number | null;
  commits: { sha: string; committedAt: string; leadTimeHours: number }[];
};

/** An item of `GET /v1/incidents`. @public */
export type IncidentView = {
  source: string;
  id: string;
  entityRef: string;
  title: string | null;
  severity: string | null;
  startedAt: string;
  resolvedAt: string | null;
  url: string | null;
  linkedDeployment: string | null;
  linkedBy: 'cause' | 'time' | null;
};

/** `GET /v1/data-quality`: what keeps numbers from being right. @public */
export type DataQualityReport = {
  /** Events no entity claims, by source and the key they could match by. */
  unattributedEvents: {
    eventType: 'deployment' | 'incident';
    source: string;
    matchKey: string | null;
    count: number;
  }[];
  /** Entities with events (named directly) but no annotation to match future ones. */
  entitiesWithoutAnnotations: { entityRef: string; missing: string[] }[];
  /** Entity refs named by events that the catalog does not know. */
  unknownEntities: string[];
  clockSkewedChanges: number;
  deploymentsWithUnknownCommits: number;
  /** Incidents open for 7 days or more. */
  staleOpenIncidents: {
    entityRef: string;
    source: string;
    id: string;
    startedAt: string;
  }[];
};

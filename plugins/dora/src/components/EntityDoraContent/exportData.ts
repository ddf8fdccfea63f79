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

import {
  Band,
  DeploymentView,
  DoraMetrics,
  EntityMetricsResponse,
  IncidentView,
  MetricWindow,
} from '@dora-metrics/plugin-dora-common';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV cell (RFC 4180). Empty for null: a missing figure must not turn
 * into 0 in a spreadsheet. Text that a spreadsheet would run as a formula
 * (incident titles come from outside) is prefixed with an apostrophe.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Header and rows as CSV with CRLF line ends. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map(row => row.map(csvCell).join(',')).join('\r\n');
}

export const METRICS_CSV_HEADER = [
  'scope',
  'from',
  'to',
  'metric',
  'value',
  'band',
];

/** Every figure of the five metrics, named with its unit, and its band. */
function summaryFigures(
  m: DoraMetrics,
): [string, number | null, Band | null][] {
  const { deploymentFrequency: df, leadTime: lt, changeFailureRate: cfr } = m;
  const { recoveryTime: rt, reworkRate: rw } = m;
  return [
    ['deployments', df.count, null],
    ['deployments_per_day', df.perDay, null],
    ['deployment_days', df.deploymentDays, null],
    [
      'median_deployment_days_per_week',
      df.medianDeploymentDaysPerWeek,
      df.band,
    ],
    ['lead_time_median_hours', lt.medianHours, lt.band],
    ['lead_time_p90_hours', lt.p90Hours, null],
    ['lead_time_samples', lt.samples, null],
    ['lead_time_coding_median_hours', lt.stages.codingHours, null],
    ['lead_time_pickup_median_hours', lt.stages.pickupHours, null],
    ['lead_time_review_median_hours', lt.stages.reviewHours, null],
    ['lead_time_deploy_median_hours', lt.stages.deployHours, null],
    ['change_failure_rate', cfr.rate, cfr.band],
    ['failed_deployments', cfr.failed, null],
    ['counted_deployments', cfr.total, null],
    ['recovery_median_hours', rt.medianHours, rt.band],
    ['recovery_samples', rt.samples, null],
    ['time_to_restore_median_hours', rt.timeToRestoreMedianHours, null],
    ['open_incidents', rt.openIncidents, null],
    ['rework_rate', rw.rate, null],
    ['unplanned_deployments', rw.unplanned, null],
  ];
}

const summaryRows = (scope: string, w: MetricWindow, m: DoraMetrics) =>
  summaryFigures(m).map(([metric, value, band]) => [
    scope,
    w.from,
    w.to,
    metric,
    value,
    band,
  ]);

/**
 * The metrics report as one tidy table (scope, from, to, metric, value,
 * band): the window, the previous window, then every series bucket. One
 * shape for all three keeps the file loadable as-is by a spreadsheet pivot
 * or a dataframe.
 */
export function metricsToCsv(report: EntityMetricsResponse): string {
  const buckets = report.series.flatMap((point, i) => {
    const to = report.series[i + 1]?.start ?? report.window.to;
    // Before the history's start the counts are no data, left empty.
    const counted = (n: number) => (point.beforeHistory ? null : n);
    const figures: [string, number | null, string | null][] = [
      [
        'deployments',
        counted(point.deployments),
        point.deploymentFrequencyBand,
      ],
      ['failed_deployments', counted(point.failedDeployments), null],
      ['lead_time_median_hours', point.leadTimeMedianHours, null],
      ['lead_time_p90_hours', point.leadTimeP90Hours, null],
      ['change_failure_rate', point.changeFailureRate, null],
      ['recovery_median_hours', point.recoveryMedianHours, null],
      ['rework_rate', point.reworkRate, null],
    ];
    return figures.map(([metric, value, band]) => [
      report.granularity,
      point.start,
      to,
      metric,
      value,
      band,
    ]);
  });
  return toCsv(METRICS_CSV_HEADER, [
    ...summaryRows('window', report.window, report),
    ...summaryRows('previous', report.previous.window, report.previous),
    ...buckets,
  ]);
}

export const DEPLOYMENTS_CSV_HEADER = [
  'source',
  'id',
  'finished_at',
  'environment',
  'status',
  'kind',
  'counted',
  'failed',
  'rollback_of',
  'linked_incidents',
  'lead_time_hours',
  'sha',
  'commits',
  'url',
];

export function deploymentsToCsv(items: DeploymentView[]): string {
  return toCsv(
    DEPLOYMENTS_CSV_HEADER,
    items.map(d => [
      d.source,
      d.id,
      d.finishedAt,
      d.environment,
      d.status,
      d.kind,
      d.counted,
      d.failed,
      d.rollbackOf,
      d.linkedIncidents.join(' '),
      d.leadTimeHours,
      d.sha,
      d.commits.map(c => c.sha).join(' '),
      d.url,
    ]),
  );
}

export const INCIDENTS_CSV_HEADER = [
  'source',
  'id',
  'title',
  'severity',
  'started_at',
  'resolved_at',
  'linked_deployment',
  'linked_by',
  'url',
];

export function incidentsToCsv(items: IncidentView[]): string {
  return toCsv(
    INCIDENTS_CSV_HEADER,
    items.map(i => [
      i.source,
      i.id,
      i.title,
      i.severity,
      i.startedAt,
      i.resolvedAt,
      i.linkedDeployment,
      i.linkedBy,
      i.url,
    ]),
  );
}

export const toJson = (value: unknown) => JSON.stringify(value, null, 2);

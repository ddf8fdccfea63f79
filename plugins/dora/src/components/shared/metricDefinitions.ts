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
  DeploymentFrequency,
  DoraMetrics,
  MetricWindow,
} from '@dora-metrics/plugin-dora-common';
import { formatHours, formatNumber, formatRate } from './format';
import { formatDate } from './formatWindow';

/** The window the figures cover, and the time zone to show its days in. */
export type MetricPeriod = { window: MetricWindow; timeZone?: string };

/** How one of the five metrics is shown: its figure, unit and direction. */
export type MetricDefinition = {
  id: keyof DoraMetrics;
  title: string;
  /** What the figure means, for tooltips and accessible labels. */
  description: string;
  value: (m: DoraMetrics) => number | null;
  format: (value: number | null) => string;
  band: (m: DoraMetrics) => Band | null;
  /** Whether a rising figure is an improvement. */
  higherIsBetter: boolean;
  /** A small line under the figure (sample sizes, counts). */
  detail: (m: DoraMetrics, period?: MetricPeriod) => string;
};

/**
 * "12 deployments on 12 days", or, when the history started inside the
 * window, "12 deployments since 9 Nov 2026": the figure above covers only
 * the weeks since then, and the line says so.
 */
export function deploymentFrequencyDetail(
  df: DeploymentFrequency,
  period?: MetricPeriod,
): string {
  const start = df.historyStartsAt ? new Date(df.historyStartsAt) : null;
  if (start && period && start.getTime() > Date.parse(period.window.from)) {
    return `${df.count} deployments since ${formatDate(
      start,
      period.timeZone,
    )}`;
  }
  return `${df.count} deployments on ${df.deploymentDays} days`;
}

export const METRICS: MetricDefinition[] = [
  {
    id: 'deploymentFrequency',
    title: 'Deployment frequency',
    description: 'Median days per week with a successful production deployment',
    value: m => m.deploymentFrequency.medianDeploymentDaysPerWeek,
    format: v => (v === null ? '–' : `${formatNumber(v)} days/wk`),
    band: m => m.deploymentFrequency.band,
    higherIsBetter: true,
    detail: (m, period) =>
      deploymentFrequencyDetail(m.deploymentFrequency, period),
  },
  {
    id: 'leadTime',
    title: 'Lead time for changes',
    description: 'Median time from commit to running in production',
    value: m => m.leadTime.medianHours,
    format: formatHours,
    band: m => m.leadTime.band,
    higherIsBetter: false,
    detail: m =>
      `p90 ${formatHours(m.leadTime.p90Hours)} · ${m.leadTime.samples} commits`,
  },
  {
    id: 'changeFailureRate',
    title: 'Change failure rate',
    description: 'Share of production deployments that caused a failure',
    value: m => m.changeFailureRate.rate,
    format: formatRate,
    band: m => m.changeFailureRate.band,
    higherIsBetter: false,
    detail: m =>
      `${m.changeFailureRate.failed} of ${m.changeFailureRate.total} deployments failed`,
  },
  {
    id: 'recoveryTime',
    title: 'Failed deployment recovery time',
    description: 'Median time from a failed deployment to recovery',
    value: m => m.recoveryTime.medianHours,
    format: formatHours,
    band: m => m.recoveryTime.band,
    higherIsBetter: false,
    detail: m =>
      `${m.recoveryTime.samples} recoveries · ${m.recoveryTime.openIncidents} open incidents`,
  },
  {
    id: 'reworkRate',
    title: 'Deployment rework rate',
    description:
      'Share of deployments that were unplanned (rollbacks, hotfixes, during incidents)',
    value: m => m.reworkRate.rate,
    format: formatRate,
    band: () => null,
    higherIsBetter: false,
    detail: m =>
      `${m.reworkRate.unplanned} of ${m.reworkRate.total} deployments unplanned`,
  },
];

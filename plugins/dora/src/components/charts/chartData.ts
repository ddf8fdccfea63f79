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
  BandThresholds,
  DEFAULT_BAND_THRESHOLDS,
  Granularity,
  SeriesPoint,
} from '@dora-metrics/plugin-dora-common';
import { formatHours, formatRate } from '../shared';

/** One bucket as the charts plot it: rates in percent, nulls kept as gaps. */
export type ChartRow = {
  label: string;
  start: string;
  /** `null` before the history starts: a gap in the chart, not a zero. */
  deployments: number | null;
  failedDeployments: number | null;
  leadTimeMedianHours: number | null;
  leadTimeP90Hours: number | null;
  changeFailurePercent: number | null;
  recoveryMedianHours: number | null;
  reworkPercent: number | null;
};

/** A dashed band-threshold line: where a band ends on the value axis. */
export type Threshold = { value: number; label: string };

const percent = (rate: number | null) => (rate === null ? null : rate * 100);

/**
 * The bucket's label in the report's time zone, since buckets are cut there
 * (a UTC label would put a Monday-start week on the Sunday before in the US).
 */
export function bucketLabel(
  start: string,
  granularity: Granularity,
  timeZone: string,
): string {
  const options: Intl.DateTimeFormatOptions =
    granularity === 'month'
      ? { month: 'short', year: 'numeric' }
      : { day: 'numeric', month: 'short' };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(
      new Date(start),
    );
  } catch {
    // An unknown time zone name must not break the page; fall back to UTC.
    return new Intl.DateTimeFormat('en-GB', {
      ...options,
      timeZone: 'UTC',
    }).format(new Date(start));
  }
}

export function toChartRows(
  series: SeriesPoint[],
  granularity: Granularity,
  timeZone: string,
): ChartRow[] {
  return series.map(p => ({
    label: bucketLabel(p.start, granularity, timeZone),
    start: p.start,
    // Before the history's start the counts are no data: drawn as gaps.
    deployments: p.beforeHistory ? null : p.deployments,
    failedDeployments: p.beforeHistory ? null : p.failedDeployments,
    leadTimeMedianHours: p.leadTimeMedianHours,
    leadTimeP90Hours: p.leadTimeP90Hours,
    changeFailurePercent: percent(p.changeFailureRate),
    recoveryMedianHours: p.recoveryMedianHours,
    reworkPercent: percent(p.reworkRate),
  }));
}

/**
 * The band thresholds to draw, from the server's configured bands (sent with
 * every report); the defaults for older servers that do not send them.
 */
export function bandThresholds(t: BandThresholds = DEFAULT_BAND_THRESHOLDS) {
  const leadTime: Threshold[] = [
    {
      value: t.leadTimeHours.elite,
      label: `elite < ${formatHours(t.leadTimeHours.elite)}`,
    },
    {
      value: t.leadTimeHours.high,
      label: `high < ${formatHours(t.leadTimeHours.high)}`,
    },
    {
      value: t.leadTimeHours.medium,
      label: `medium < ${formatHours(t.leadTimeHours.medium)}`,
    },
  ];
  const failureRate: Threshold[] = [
    {
      value: t.changeFailureRate.elite * 100,
      label: `elite ≤ ${formatRate(t.changeFailureRate.elite)}`,
    },
    {
      value: t.changeFailureRate.high * 100,
      label: `high ≤ ${formatRate(t.changeFailureRate.high)}`,
    },
    {
      value: t.changeFailureRate.medium * 100,
      label: `medium ≤ ${formatRate(t.changeFailureRate.medium)}`,
    },
  ];
  const recovery: Threshold[] = [
    {
      value: t.recoveryTimeHours.elite,
      label: `elite < ${formatHours(t.recoveryTimeHours.elite)}`,
    },
    {
      value: t.recoveryTimeHours.high,
      label: `high < ${formatHours(t.recoveryTimeHours.high)}`,
    },
    {
      value: t.recoveryTimeHours.medium,
      label: `medium < ${formatHours(t.recoveryTimeHours.medium)}`,
    },
  ];
  return { leadTime, failureRate, recovery };
}

/**
 * The thresholds worth drawing: those within the data, plus the next one
 * above it. Drawing all of them would stretch the axis to a month and flatten
 * a series of a few hours into the floor.
 */
export function visibleThresholds(
  thresholds: Threshold[],
  values: (number | null)[],
): Threshold[] {
  const present = values.filter((v): v is number => v !== null);
  const max = present.length ? Math.max(...present) : 0;
  const nextAbove = thresholds.find(th => th.value > max);
  return thresholds.filter(th => th.value <= max || th === nextAbove);
}

/** The last bucket with a figure, for the charts' text descriptions. */
export function latest<K extends keyof ChartRow>(
  rows: ChartRow[],
  key: K,
): { row: ChartRow; value: NonNullable<ChartRow[K]> } | undefined {
  for (let i = rows.length - 1; i >= 0; i--) {
    const value = rows[i][key];
    if (value !== null && value !== undefined) {
      return { row: rows[i], value: value as NonNullable<ChartRow[K]> };
    }
  }
  return undefined;
}

/** "7 days from 2 Mar to 8 Mar": the extent of a series, for descriptions. */
export function describeExtent(rows: ChartRow[], granularity: Granularity) {
  if (rows.length === 0) return `no ${granularity}s`;
  const unit = rows.length === 1 ? granularity : `${granularity}s`;
  return `${rows.length} ${unit} from ${rows[0].label} to ${
    rows[rows.length - 1].label
  }`;
}

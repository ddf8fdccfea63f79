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
  changeFailureRateBand,
  DeploymentFrequency,
  DEFAULT_BAND_THRESHOLDS,
  deploymentFrequencyBand,
  DoraMetrics,
  Granularity,
  leadTimeBand,
  MetricsDataQuality,
  recoveryTimeBand,
  SeriesPoint,
} from '@dora-metrics/plugin-dora-common';
import { hoursBetween, median, percentilesInPlace, ratio } from './stats';
import {
  COMMITS_UNKNOWN,
  countFlag,
  countOf,
  DeploymentColumns,
  FAILED,
  firstAtOrAfter,
  Run,
  runsIn,
  SampleBuffer,
  UNPLANNED,
} from './pool/deploymentColumns';
import { FactPool, historyStartOf } from './pool/factPool';
import {
  bucketAt,
  bucketStart,
  bucketStarts,
  DAY_MS,
  inWindow,
  Window,
} from './time';

export type ComputeOptions = { timeZone: string; bands: BandThresholds };

const within = <T>(
  items: readonly T[],
  at: (item: T) => number | null,
  window: Window,
) =>
  items.filter(item => {
    const ms = at(item);
    return ms !== null && inWindow(ms, window);
  });

const runsOf = (pool: FactPool, window: Window) =>
  runsIn(
    pool.deployments.map(columns => ({ columns, lo: 0, hi: columns.length })),
    window.from,
    window.to,
  );

/** Median and 90th percentile of samples (reordered: gathered ones). */
function spread(samples: Float64Array) {
  const [median50, p90] = percentilesInPlace(samples, [0.5, 0.9]);
  return { median: median50, p90 };
}

/** The five metrics over `[from, to)` (spec: "The five metrics"). */
export function computeMetrics(
  pool: FactPool,
  window: Window,
  options: ComputeOptions,
): DoraMetrics {
  const runs = runsOf(pool, window);
  const total = countOf(runs);
  const recoveries = within(pool.recoveries, r => r.at, window);
  const restored = within(pool.incidents, i => i.resolvedAt, window);
  // Each gathered array is used up before the next gather overwrites it.
  const samples = new SampleBuffer();
  const leadTimes = samples.gather(runs, c => c.leadTimes);
  const leadTime = spread(leadTimes);
  const stageMedian = (stage: keyof DeploymentColumns['stages']) =>
    percentilesInPlace(
      samples.gather(runs, c => c.stages[stage]),
      [0.5],
    )[0];
  const failed = countFlag(runs, FAILED);
  const unplanned = countFlag(runs, UNPLANNED);
  const failureRate = ratio(failed, total);
  const recoveryMedian = median(recoveries.map(r => r.hours));

  return {
    deploymentFrequency: deploymentFrequency(
      runs,
      total,
      window,
      historyStartOf(pool),
      options,
    ),
    leadTime: {
      medianHours: leadTime.median,
      p90Hours: leadTime.p90,
      samples: leadTimes.length,
      band: leadTimeBand(leadTime.median, options.bands),
      stages: {
        codingHours: stageMedian('coding'),
        pickupHours: stageMedian('pickup'),
        reviewHours: stageMedian('review'),
        deployHours: stageMedian('deploy'),
      },
    },
    changeFailureRate: {
      failed,
      total,
      rate: failureRate,
      band: changeFailureRateBand(failureRate, options.bands),
    },
    recoveryTime: {
      medianHours: recoveryMedian,
      samples: recoveries.length,
      band: recoveryTimeBand(recoveryMedian, options.bands),
      timeToRestoreMedianHours: median(
        restored.map(i => hoursBetween(i.startedAt, i.resolvedAt!)),
      ),
      timeToRestoreSamples: restored.length,
      openIncidents: pool.incidents.filter(
        i =>
          i.startedAt < window.to &&
          (i.resolvedAt === null || i.resolvedAt >= window.to),
      ).length,
    },
    reworkRate: {
      unplanned,
      total,
      rate: ratio(unplanned, total),
    },
  };
}

/** Starts of the local days on which any deployment of `runs` finished. */
function deploymentDays(runs: readonly Run[], timeZone: string) {
  const days = new Set<number>();
  for (const { columns, lo, hi } of runs) {
    // Sorted by finish time: one calendar lookup per day, not per deployment.
    for (let i = lo; i < hi; ) {
      const day = bucketAt(columns.finishedAt[i], 'day', timeZone);
      days.add(day.start);
      i = firstAtOrAfter(columns.finishedAt, day.end, i + 1, hi);
    }
  }
  return days;
}

/**
 * Deployment days are counted per ISO week (and calendar month) overlapping the
 * window, only days inside it; weeks without one count as 0. Weeks and months
 * that end before the history starts are left out, and `perDay` counts the
 * days from the later of the window's start and the start of the history's
 * first day: a service is judged on the time it has existed (spec v2,
 * "History shorter than the window"). With a history begun before the
 * window's end, an empty window is a measured zero; without, "no data".
 */
function deploymentFrequency(
  runs: readonly Run[],
  count: number,
  window: Window,
  storedStart: number | null,
  options: ComputeOptions,
): DeploymentFrequency {
  // Read apart from the facts, the history's start could miss a deployment
  // derived just before: a counted deployment always lies in the history.
  const historyStart = earliest(storedStart, firstFinishedIn(runs));
  const historyStartsAt =
    historyStart === null ? null : new Date(historyStart).toISOString();
  const measured =
    count > 0 || (historyStart !== null && historyStart < window.to);
  if (!measured) {
    return {
      count: 0,
      perDay: null,
      deploymentDays: 0,
      medianDeploymentDaysPerWeek: null,
      medianDeploymentDaysPerMonth: null,
      band: null,
      historyStartsAt,
    };
  }
  const { timeZone } = options;
  const days = deploymentDays(runs, timeZone);
  const medianDaysPer = (unit: Granularity) => {
    const daysPer = new Map<number, number>();
    for (const day of days) {
      const start = bucketStart(day, unit, timeZone);
      daysPer.set(start, (daysPer.get(start) ?? 0) + 1);
    }
    // A bucket ends before the history starts exactly when it starts before
    // the history's own bucket. Every day lies in a bucket kept.
    const firstKept =
      historyStart === null
        ? -Infinity
        : bucketStart(historyStart, unit, timeZone);
    return median(
      bucketStarts(window, unit, timeZone)
        .filter(start => start >= firstKept)
        .map(start => daysPer.get(start) ?? 0),
    );
  };
  const perWeek = medianDaysPer('week');
  const perMonth = medianDaysPer('month');
  const from =
    historyStart === null
      ? window.from
      : Math.max(window.from, bucketStart(historyStart, 'day', timeZone));
  return {
    count,
    perDay: count / ((window.to - from) / DAY_MS),
    deploymentDays: days.size,
    medianDeploymentDaysPerWeek: perWeek,
    medianDeploymentDaysPerMonth: perMonth,
    band: deploymentFrequencyBand(perWeek, perMonth, options.bands),
    historyStartsAt,
  };
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function firstFinishedIn(runs: readonly Run[]): number | null {
  let first: number | null = null;
  for (const { columns, lo } of runs)
    first = earliest(first, columns.finishedAt[lo]);
  return first;
}

/** Figures behind a window that explain missing or doubtful numbers. */
export function computeDataQuality(
  pool: FactPool,
  window: Window,
): MetricsDataQuality {
  const runs = runsOf(pool, window);
  let clockSkewedChanges = 0;
  let automatedChangesExcluded = 0;
  for (const { columns, lo, hi } of runs)
    for (let i = lo; i < hi; i++) {
      clockSkewedChanges += columns.clockSkewed[i];
      automatedChangesExcluded += columns.automatedExcluded[i];
    }
  return {
    clockSkewedChanges,
    automatedChangesExcluded,
    unlinkedIncidents: within(pool.incidents, i => i.startedAt, window).filter(
      i => i.linkedDeployment === null,
    ).length,
    deploymentsWithUnknownCommits: countFlag(runs, COMMITS_UNKNOWN),
  };
}

/**
 * One point per day, week or month bucket overlapping the window. A bucket
 * that ends at or before the history's start (or of a pool with nothing
 * stored) has no data: `beforeHistory`, its band `null` (its counts are 0
 * by count, no measurement). From the history's start on, an empty bucket
 * is a measured zero. Each bucket's band is deployment frequency's, over
 * the bucket as a window.
 */
export function computeSeries(
  pool: FactPool,
  window: Window,
  granularity: Granularity,
  timeZone: string,
  bands: BandThresholds = DEFAULT_BAND_THRESHOLDS,
): SeriesPoint[] {
  const options = { timeZone, bands };
  const starts = bucketStarts(window, granularity, timeZone);
  const recoveries = starts.map(() => [] as number[]);
  const indexOf = new Map(starts.map((start, i) => [start, i]));
  for (const r of within(pool.recoveries, x => x.at, window))
    recoveries[indexOf.get(bucketStart(r.at, granularity, timeZone))!].push(
      r.hours,
    );

  let runs = runsOf(pool, window);
  // As in the window's figures: a counted deployment lies in the history.
  const historyStart = earliest(historyStartOf(pool), firstFinishedIn(runs));
  const samples = new SampleBuffer();
  return starts.map((start, b) => {
    // Runs are cut at each bucket's end, the rest left for the next ones.
    const end = b + 1 < starts.length ? starts[b + 1] : window.to;
    const inBucket = runsIn(runs, -Infinity, end);
    runs = runsIn(runs, end, Infinity);
    const deployments = countOf(inBucket);
    const frequency = deploymentFrequency(
      inBucket,
      deployments,
      { from: start, to: end },
      historyStart,
      options,
    );
    const measured = frequency.perDay !== null;
    const failed = countFlag(inBucket, FAILED);
    const leadTime = spread(samples.gather(inBucket, c => c.leadTimes));
    return {
      start: new Date(start).toISOString(),
      deployments,
      beforeHistory: !measured,
      deploymentFrequencyBand: frequency.band,
      leadTimeMedianHours: leadTime.median,
      leadTimeP90Hours: leadTime.p90,
      failedDeployments: failed,
      changeFailureRate: ratio(failed, deployments),
      recoveryMedianHours: median(recoveries[b]),
      reworkRate: ratio(countFlag(inBucket, UNPLANNED), deployments),
    };
  });
}

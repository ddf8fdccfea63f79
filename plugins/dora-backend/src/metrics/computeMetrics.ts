import {
  BandThresholds,
  changeFailureRateBand,
  DeploymentFrequency,
  deploymentFrequencyBand,
  DoraMetrics,
  Granularity,
  leadTimeBand,
  MetricsDataQuality,
  recoveryTimeBand,
  SeriesPoint,
} from '@dora-metrics/plugin-dora-common';
import { hoursBetween, median, percentiles, ratio } from './stats';
import { bucketStart, bucketStarts, DAY_MS, inWindow, Window } from './time';
import { DeploymentFact, IncidentFact, RecoveryFact } from './types';

/**
 * A counted deployment as reports read it: without the commits it shipped or
 * its own key, which no report figure reads.
 */
export type PooledDeployment = Omit<
  DeploymentFact,
  'commits' | 'deploymentKey'
>;

/** Facts of one entity or of a pool of entities (team, template). */
export type FactPool = {
  deployments: readonly PooledDeployment[];
  recoveries: readonly RecoveryFact[];
  incidents: readonly IncidentFact[];
};

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

// Indexed: for-of over the frozen shared empty arrays is far slower here.
function append(into: number[], samples: readonly number[]) {
  for (let i = 0; i < samples.length; i++) into.push(samples[i]);
}

/** Median and 90th percentile of samples. */
function spread(samples: number[]) {
  const [median50, p90] = percentiles(samples, [0.5, 0.9]);
  return { median: median50, p90 };
}

/** The five metrics over `[from, to)` (spec: "The five metrics"). */
export function computeMetrics(
  pool: FactPool,
  window: Window,
  options: ComputeOptions,
): DoraMetrics {
  const deployments = within(pool.deployments, d => d.finishedAt, window);
  const recoveries = within(pool.recoveries, r => r.at, window);
  const restored = within(pool.incidents, i => i.resolvedAt, window);
  const leadTimes: number[] = [];
  const stages: DeploymentFact['stages'] = {
    coding: [],
    pickup: [],
    review: [],
    deploy: [],
  };
  let failed = 0;
  let unplanned = 0;
  for (const d of deployments) {
    append(leadTimes, d.leadTimes);
    append(stages.coding, d.stages.coding);
    append(stages.pickup, d.stages.pickup);
    append(stages.review, d.stages.review);
    append(stages.deploy, d.stages.deploy);
    if (d.failed) failed++;
    if (d.unplanned) unplanned++;
  }
  const failureRate = ratio(failed, deployments.length);
  const leadTime = spread(leadTimes);
  const recoveryMedian = median(recoveries.map(r => r.hours));

  return {
    deploymentFrequency: deploymentFrequency(deployments, window, options),
    leadTime: {
      medianHours: leadTime.median,
      p90Hours: leadTime.p90,
      samples: leadTimes.length,
      band: leadTimeBand(leadTime.median, options.bands),
      stages: {
        codingHours: median(stages.coding),
        pickupHours: median(stages.pickup),
        reviewHours: median(stages.review),
        deployHours: median(stages.deploy),
      },
    },
    changeFailureRate: {
      failed,
      total: deployments.length,
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
      total: deployments.length,
      rate: ratio(unplanned, deployments.length),
    },
  };
}

/**
 * Deployment days are counted per ISO week (and calendar month) overlapping the
 * window, only days inside it; weeks without one count as 0.
 */
function deploymentFrequency(
  deployments: readonly PooledDeployment[],
  window: Window,
  options: ComputeOptions,
): DeploymentFrequency {
  const days = new Set(
    deployments.map(d => bucketStart(d.finishedAt, 'day', options.timeZone)),
  );
  const medianDaysPer = (unit: Granularity) => {
    const daysPer = new Map<number, number>();
    for (const day of days) {
      const start = bucketStart(day, unit, options.timeZone);
      daysPer.set(start, (daysPer.get(start) ?? 0) + 1);
    }
    // Every day lies in a bucket overlapping the window.
    return median(
      bucketStarts(window, unit, options.timeZone).map(
        start => daysPer.get(start) ?? 0,
      ),
    );
  };
  if (deployments.length === 0) {
    return {
      count: 0,
      perDay: null,
      deploymentDays: 0,
      medianDeploymentDaysPerWeek: null,
      medianDeploymentDaysPerMonth: null,
      band: null,
    };
  }
  const perWeek = medianDaysPer('week');
  const perMonth = medianDaysPer('month');
  return {
    count: deployments.length,
    perDay: deployments.length / ((window.to - window.from) / DAY_MS),
    deploymentDays: days.size,
    medianDeploymentDaysPerWeek: perWeek,
    medianDeploymentDaysPerMonth: perMonth,
    band: deploymentFrequencyBand(perWeek, perMonth, options.bands),
  };
}

/** Figures behind a window that explain missing or doubtful numbers. */
export function computeDataQuality(
  pool: FactPool,
  window: Window,
): MetricsDataQuality {
  const deployments = within(pool.deployments, d => d.finishedAt, window);
  return {
    clockSkewedChanges: deployments.reduce((sum, d) => sum + d.clockSkewed, 0),
    unlinkedIncidents: within(pool.incidents, i => i.startedAt, window).filter(
      i => i.linkedDeployment === null,
    ).length,
    deploymentsWithUnknownCommits: deployments.filter(d => d.commitsUnknown)
      .length,
  };
}

/** One point per day, week or month bucket overlapping the window. */
export function computeSeries(
  pool: FactPool,
  window: Window,
  granularity: Granularity,
  timeZone: string,
): SeriesPoint[] {
  const points = new Map(
    bucketStarts(window, granularity, timeZone).map(start => [
      start,
      { deployments: [] as PooledDeployment[], recoveries: [] as number[] },
    ]),
  );
  const bucketOf = (ms: number) =>
    points.get(bucketStart(ms, granularity, timeZone));
  for (const d of within(pool.deployments, x => x.finishedAt, window))
    bucketOf(d.finishedAt)?.deployments.push(d);
  for (const r of within(pool.recoveries, x => x.at, window))
    bucketOf(r.at)?.recoveries.push(r.hours);

  return [...points.entries()].map(([start, { deployments, recoveries }]) => {
    const leadTimes: number[] = [];
    let failed = 0;
    let unplanned = 0;
    for (const d of deployments) {
      append(leadTimes, d.leadTimes);
      if (d.failed) failed++;
      if (d.unplanned) unplanned++;
    }
    const leadTime = spread(leadTimes);
    return {
      start: new Date(start).toISOString(),
      deployments: deployments.length,
      leadTimeMedianHours: leadTime.median,
      leadTimeP90Hours: leadTime.p90,
      failedDeployments: failed,
      changeFailureRate: ratio(failed, deployments.length),
      recoveryMedianHours: median(recoveries),
      reworkRate: ratio(unplanned, deployments.length),
    };
  });
}

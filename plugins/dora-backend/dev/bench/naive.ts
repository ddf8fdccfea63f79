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

import { ServiceHistory } from './history';

/** The figures the benchmark compares, for one entity and one window. */
export type Figures = {
  deployments: number;
  deploymentDays: number;
  perDay: number | null;
  medianDeploymentDaysPerWeek: number | null;
  historyStartsAt: string | null;
  failed: number;
  failureRate: number | null;
  leadTimeMedianHours: number | null;
  leadTimeP90Hours: number | null;
  leadTimeSamples: number;
  recoveryMedianHours: number | null;
  recoverySamples: number;
  timeToRestoreMedianHours: number | null;
  unplanned: number;
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
// 1970-01-05, a Monday: ISO weeks in UTC start here plus a multiple of 7 days.
const FIRST_MONDAY_MS = 4 * DAY_MS;

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo] + (s[hi] - s[lo]) * (rank - lo);
}

/**
 * What one entity adds to a pool, for counting a deployment shared by
 * several entities (a monorepo's) once: per counted deployment in the
 * window (by id) what happened to it and its lead-time samples, and its
 * recoveries by incident and deployment.
 */
export type PoolShare = {
  entityRef: string;
  deployments: Map<
    string,
    { failed: boolean; unplanned: boolean; leadTimeSamples: number }
  >;
  recoveries: Set<string>;
};

/**
 * Deployment frequency as spec v2 words it, day by day: the history starts
 * at the first deployment of any status and environment; weeks (UTC, from
 * Monday) overlapping the window count unless they end before it; perDay
 * counts days from the later of the window's start and the history's first
 * midnight; an empty window after the history started is a measured zero.
 */
function naiveFrequency(
  all: readonly { finishedAt: number }[],
  inside: readonly { finishedAt: number }[],
  window: { from: number; to: number },
) {
  let start: number | null = null;
  for (const d of all)
    if (start === null || d.finishedAt < start) start = d.finishedAt;
  const historyStartsAt = start === null ? null : new Date(start).toISOString();
  if (start === null || start >= window.to)
    return { perDay: null, medianDeploymentDaysPerWeek: null, historyStartsAt };
  const days = new Set(inside.map(d => Math.floor(d.finishedAt / DAY_MS)));
  const weekly: number[] = [];
  const firstWeek =
    FIRST_MONDAY_MS +
    Math.floor((window.from - FIRST_MONDAY_MS) / WEEK_MS) * WEEK_MS;
  for (let week = firstWeek; week < window.to; week += WEEK_MS) {
    if (week + WEEK_MS <= start) continue;
    let n = 0;
    for (const day of days)
      if (day * DAY_MS >= week && day * DAY_MS < week + WEEK_MS) n++;
    weekly.push(n);
  }
  const from = Math.max(window.from, Math.floor(start / DAY_MS) * DAY_MS);
  return {
    perDay: inside.length / ((window.to - from) / DAY_MS),
    medianDeploymentDaysPerWeek: percentile(weekly, 0.5),
    historyStartsAt,
  };
}

/**
 * The straightforward algorithm of the DORA articles, with no index and no
 * stored facts: for lead time a loop over the repository's commits per
 * deployment (those after the previous deployment's commit, up to its own);
 * for failure rate a loop over deployments per incident (the latest one
 * before it started). Reference for "speed never changes a number". With
 * the figures, what the entity adds to a pool.
 */
export function naiveFiguresAndShare(
  h: ServiceHistory,
  window: { from: number; to: number },
): { figures: Figures; share: PoolShare } {
  const inWindow = (ms: number | null) =>
    ms !== null && ms >= window.from && ms < window.to;
  const counted = h.deployments.filter(
    d => d.status === 'success' && d.environment === 'production',
  );
  const commitTime = new Map(h.commits.map(c => [c.sha, c.committedAt]));

  // Lead time: per deployment, loop over every commit of the repository.
  const leadTimes: number[] = [];
  const samplesOf = new Map<string, number>();
  counted.forEach((d, i) => {
    if (i === 0 || !inWindow(d.finishedAt)) return;
    const after = commitTime.get(counted[i - 1].sha)!;
    const upTo = commitTime.get(d.sha)!;
    let samples = 0;
    for (const c of h.commits) {
      if (c.committedAt > after && c.committedAt <= upTo) {
        leadTimes.push((d.finishedAt - c.committedAt) / HOUR_MS);
        samples++;
      }
    }
    samplesOf.set(d.id, samples);
  });

  // Failure rate: per incident, loop over every deployment.
  const failed = new Set<string>();
  const recoveries: number[] = [];
  const recoveryKeys = new Set<string>();
  for (const incident of h.incidents) {
    let latest: (typeof counted)[number] | undefined;
    for (const d of counted) {
      if (d.finishedAt < incident.startedAt) latest = d;
    }
    if (!latest) continue;
    failed.add(latest.id);
    if (incident.resolvedAt !== null && inWindow(incident.resolvedAt)) {
      recoveries.push((incident.resolvedAt - latest.finishedAt) / HOUR_MS);
      recoveryKeys.add(`${incident.id} ${latest.id}`);
    }
  }

  const inside = counted.filter(d => inWindow(d.finishedAt));
  const restored = h.incidents.filter(i => inWindow(i.resolvedAt));
  const isUnplanned = (d: (typeof counted)[number]) =>
    d.kind !== 'planned' ||
    h.incidents.some(
      i =>
        i.startedAt <= d.finishedAt &&
        (i.resolvedAt === null || d.finishedAt < i.resolvedAt),
    );
  const unplanned = inside.filter(isUnplanned).length;
  const failedInside = inside.filter(d => failed.has(d.id)).length;
  const share: PoolShare = {
    entityRef: h.service.entityRef,
    deployments: new Map(
      inside.map(d => [
        d.id,
        {
          failed: failed.has(d.id),
          unplanned: isUnplanned(d),
          leadTimeSamples: samplesOf.get(d.id) ?? 0,
        },
      ]),
    ),
    recoveries: recoveryKeys,
  };
  const figures: Figures = {
    deployments: inside.length,
    deploymentDays: new Set(inside.map(d => Math.floor(d.finishedAt / DAY_MS)))
      .size,
    ...naiveFrequency(h.deployments, inside, window),
    failed: failedInside,
    failureRate: inside.length ? failedInside / inside.length : null,
    leadTimeMedianHours: percentile(leadTimes, 0.5),
    leadTimeP90Hours: percentile(leadTimes, 0.9),
    leadTimeSamples: leadTimes.length,
    recoveryMedianHours: percentile(recoveries, 0.5),
    recoverySamples: recoveries.length,
    timeToRestoreMedianHours: percentile(
      restored.map(i => (i.resolvedAt! - i.startedAt) / HOUR_MS),
      0.5,
    ),
    unplanned,
  };
  return { figures, share };
}

/**
 * The additive figures of a pool: each deployment once however many of the
 * pool's entities it is attributed to, failed or unplanned if it is for any
 * of them, with the lead-time samples of the entity whose ref sorts first;
 * each recovery (incident and deployment) once.
 */
export function naivePoolFigures(
  shares: readonly PoolShare[],
): Pick<
  Figures,
  'deployments' | 'failed' | 'leadTimeSamples' | 'recoverySamples' | 'unplanned'
> {
  const deployments = new Map<
    string,
    { failed: boolean; unplanned: boolean; leadTimeSamples: number }
  >();
  const recoveries = new Set<string>();
  const ordered = [...shares].sort((a, b) =>
    a.entityRef.localeCompare(b.entityRef),
  );
  for (const share of ordered) {
    for (const [id, d] of share.deployments) {
      const seen = deployments.get(id);
      if (!seen) deployments.set(id, { ...d });
      else {
        seen.failed ||= d.failed;
        seen.unplanned ||= d.unplanned;
      }
    }
    for (const r of share.recoveries) recoveries.add(r);
  }
  const all = [...deployments.values()];
  return {
    deployments: all.length,
    failed: all.filter(d => d.failed).length,
    leadTimeSamples: all.reduce((sum, d) => sum + d.leadTimeSamples, 0),
    recoverySamples: recoveries.size,
    unplanned: all.filter(d => d.unplanned).length,
  };
}

/** The same figures read from a `GET /v1/metrics` answer. */
export function apiFigures(body: any): Figures {
  return {
    deployments: body.deploymentFrequency.count,
    deploymentDays: body.deploymentFrequency.deploymentDays,
    perDay: body.deploymentFrequency.perDay,
    medianDeploymentDaysPerWeek:
      body.deploymentFrequency.medianDeploymentDaysPerWeek,
    historyStartsAt: body.deploymentFrequency.historyStartsAt,
    failed: body.changeFailureRate.failed,
    failureRate: body.changeFailureRate.rate,
    leadTimeMedianHours: body.leadTime.medianHours,
    leadTimeP90Hours: body.leadTime.p90Hours,
    leadTimeSamples: body.leadTime.samples,
    recoveryMedianHours: body.recoveryTime.medianHours,
    recoverySamples: body.recoveryTime.samples,
    timeToRestoreMedianHours: body.recoveryTime.timeToRestoreMedianHours,
    unplanned: body.reworkRate.unplanned,
  };
}

/** Fields that differ (relative tolerance 1e-9), as `name: a != b`. */
export function differences(
  a: Partial<Figures>,
  b: Partial<Figures>,
): string[] {
  const out: string[] = [];
  for (const key of Object.keys(a) as (keyof Figures)[]) {
    if (!(key in b)) continue;
    const x = a[key];
    const y = b[key];
    const same =
      x === y ||
      (typeof x === 'number' &&
        typeof y === 'number' &&
        Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)));
    if (!same) out.push(`${key}: ${x} != ${y}`);
  }
  return out;
}

/**
 * A `GET /v1/teams/metrics` answer against the straightforward algorithm:
 * every entity row in full, and the pool's counts from the entities' shares,
 * a deployment of several entities counted once.
 */
export function teamDifferences(
  naive: ReadonlyMap<string, { figures: Figures; share: PoolShare }>,
  body: any,
): string[] {
  const out: string[] = [];
  const shares: PoolShare[] = [];
  for (const entity of body.entities) {
    const expected = naive.get(entity.entityRef);
    if (!expected) {
      out.push(`${entity.entityRef}: not in the generated organisation`);
      continue;
    }
    for (const d of differences(expected.figures, apiFigures(entity.metrics)))
      out.push(`${entity.entityRef} ${d}`);
    shares.push(expected.share);
  }
  for (const d of differences(naivePoolFigures(shares), apiFigures(body)))
    out.push(`pooled ${d}`);
  return out;
}

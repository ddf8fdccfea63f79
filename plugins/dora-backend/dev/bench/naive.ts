import { ServiceHistory } from './history';

/** The figures the benchmark compares, for one entity and one window. */
export type Figures = {
  deployments: number;
  deploymentDays: number;
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

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo] + (s[hi] - s[lo]) * (rank - lo);
}

/**
 * The straightforward algorithm of the DORA articles, with no index and no
 * stored facts: for lead time a loop over the repository's commits per
 * deployment (those after the previous deployment's commit, up to its own);
 * for failure rate a loop over deployments per incident (the latest one
 * before it started). Reference for "speed never changes a number".
 */
export function naiveFigures(
  h: ServiceHistory,
  window: { from: number; to: number },
): Figures {
  const inWindow = (ms: number | null) =>
    ms !== null && ms >= window.from && ms < window.to;
  const counted = h.deployments.filter(
    d => d.status === 'success' && d.environment === 'production',
  );
  const commitTime = new Map(h.commits.map(c => [c.sha, c.committedAt]));

  // Lead time: per deployment, loop over every commit of the repository.
  const leadTimes: number[] = [];
  counted.forEach((d, i) => {
    if (i === 0 || !inWindow(d.finishedAt)) return;
    const after = commitTime.get(counted[i - 1].sha)!;
    const upTo = commitTime.get(d.sha)!;
    for (const c of h.commits) {
      if (c.committedAt > after && c.committedAt <= upTo)
        leadTimes.push((d.finishedAt - c.committedAt) / HOUR_MS);
    }
  });

  // Failure rate: per incident, loop over every deployment.
  const failed = new Set<string>();
  const recoveries: number[] = [];
  for (const incident of h.incidents) {
    let latest: (typeof counted)[number] | undefined;
    for (const d of counted) {
      if (d.finishedAt < incident.startedAt) latest = d;
    }
    if (!latest) continue;
    failed.add(latest.id);
    if (incident.resolvedAt !== null && inWindow(incident.resolvedAt))
      recoveries.push((incident.resolvedAt - latest.finishedAt) / HOUR_MS);
  }

  const inside = counted.filter(d => inWindow(d.finishedAt));
  const restored = h.incidents.filter(i => inWindow(i.resolvedAt));
  const unplanned = inside.filter(
    d =>
      d.kind !== 'planned' ||
      h.incidents.some(
        i =>
          i.startedAt <= d.finishedAt &&
          (i.resolvedAt === null || d.finishedAt < i.resolvedAt),
      ),
  ).length;
  const failedInside = inside.filter(d => failed.has(d.id)).length;
  return {
    deployments: inside.length,
    deploymentDays: new Set(inside.map(d => Math.floor(d.finishedAt / DAY_MS)))
      .size,
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
}

/** The same figures read from a `GET /v1/metrics` answer. */
export function apiFigures(body: any): Figures {
  return {
    deployments: body.deploymentFrequency.count,
    deploymentDays: body.deploymentFrequency.deploymentDays,
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

// Figures that add up over the entities of a pool.
const ADDITIVE = [
  'deployments',
  'failed',
  'leadTimeSamples',
  'recoverySamples',
  'unplanned',
] as const;

/**
 * A `GET /v1/teams/metrics` answer against the straightforward algorithm:
 * every entity row in full, and the pool's counts as their sums.
 */
export function teamDifferences(
  naive: ReadonlyMap<string, Figures>,
  body: any,
): string[] {
  const out: string[] = [];
  const sums: Partial<Figures> = {};
  for (const key of ADDITIVE) sums[key] = 0;
  for (const entity of body.entities) {
    const expected = naive.get(entity.entityRef);
    if (!expected) {
      out.push(`${entity.entityRef}: not in the generated organisation`);
      continue;
    }
    for (const d of differences(expected, apiFigures(entity.metrics)))
      out.push(`${entity.entityRef} ${d}`);
    for (const key of ADDITIVE) sums[key]! += expected[key];
  }
  for (const d of differences(sums, apiFigures(body))) out.push(`pooled ${d}`);
  return out;
}

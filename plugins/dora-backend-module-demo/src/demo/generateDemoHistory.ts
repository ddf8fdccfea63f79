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
  ChangeInput,
  DeploymentInput,
  DeploymentKind,
  DeploymentStatus,
  IncidentInput,
} from '@dora-metrics/plugin-dora-common';
import { createMainLine, DAY, HOUR, isWeekend, iso, MINUTE } from './mainLine';
import { PROFILES } from './profiles';
import {
  between,
  chance,
  hashString,
  intBetween,
  mulberry32,
  pick,
  Rng,
} from './random';

/** @public */
export type DemoProfile = 'elite' | 'high' | 'medium' | 'low';

/** @public */
export type DemoService = {
  entityRef: string;
  repository?: string;
  pagerDutyServiceId?: string;
  profile: DemoProfile;
  /**
   * Pull requests are squash-merged: the main line holds one squash commit
   * per pull request, and its branch commits are pushed with its number.
   */
  squashMerges?: boolean;
};

/** @public */
export type DemoHistory = {
  deployments: DeploymentInput[];
  changes: ChangeInput[];
  incidents: IncidentInput[];
};

const TITLES: ReadonlyArray<(name: string) => string> = [
  n => `Elevated 5xx rate on ${n}`,
  n => `${n}: p99 latency above SLO`,
  n => `${n} pods crash-looping`,
  n => `Error budget burn alert for ${n}`,
  n => `${n} queue backlog growing`,
  n => `Health checks failing on ${n}`,
];

/**
 * Builds a deterministic, plausible history of commits, deployments and
 * incidents for demo services, shaped by each service's profile so that every
 * DORA band shows up. Pure: the same options always give the same output.
 * @public
 */
export function generateDemoHistory(options: {
  services: DemoService[];
  now: Date;
  days: number;
  seed: number;
}): DemoHistory {
  const end = options.now.getTime();
  const start = end - options.days * DAY;
  const out: DemoHistory = { deployments: [], changes: [], incidents: [] };
  options.services.forEach((service, index) => {
    const rng = mulberry32(hashString(`${options.seed}:${service.entityRef}`));
    // A few services list their commits so that path of the backend is exercised;
    // without a repository it is the only way to get lead times at all.
    const listsCommits = !service.repository || index % 5 === 3;
    simulate(service, listsCommits, rng, start, end, out);
  });
  return out;
}

function simulate(
  svc: DemoService,
  listsCommits: boolean,
  rng: Rng,
  start: number,
  end: number,
  out: DemoHistory,
) {
  const p = PROFILES[svc.profile];
  const name = svc.entityRef.replace(/^.*[:/]/, '');
  const tz = pick(rng, [-7, -5, 0, 1, 2]) * HOUR;
  const failureRate = between(rng, p.failureRate);
  let failureDebt = rng();
  const target = svc.repository
    ? { repository: svc.repository }
    : { entityRef: svc.entityRef };

  // Moves a moment into the team's working hours on a weekday.
  const toWorkingHours = (t: number) => {
    const day = Math.floor((t + tz) / DAY) * DAY;
    const hour = (t + tz - day) / HOUR;
    let local = t + tz;
    if (hour < 9.5) local = day + between(rng, [9.5, 11]) * HOUR;
    else if (hour > 17) local = day + DAY + between(rng, [9.5, 11]) * HOUR;
    while (isWeekend(Math.floor(local / DAY) * DAY)) local += DAY;
    return local - tz;
  };

  const line = createMainLine({
    rng,
    profile: p,
    repository: svc.repository,
    start,
    end,
    tz,
    squash: svc.squashMerges,
    // Without a repository there is nowhere to push commits to; deployments
    // list theirs instead.
    emit: change => {
      if (svc.repository) out.changes.push(change);
    },
  });
  let runNumber = intBetween(rng, 1000, 5000);
  let incidentNumber = 0;
  const prod: DeploymentInput[] = [];
  const shipped = (sha: string) => line.range(prod[prod.length - 1]?.sha, sha);

  type Extra = { kind?: DeploymentKind; rollbackOf?: string };
  const run = (
    environment: string,
    status: DeploymentStatus,
    startedAt: number,
    finishedAt: number,
    sha: string,
    { kind, rollbackOf }: Extra = {},
  ): DeploymentInput | undefined => {
    if (finishedAt >= end || startedAt <= start) return undefined;
    const n = runNumber++;
    const counted = environment === 'production' && status === 'success';
    const deployment: DeploymentInput = {
      source: 'demo-ci',
      id: `${name}-run-${n}`,
      ...target,
      environment,
      status,
      startedAt: iso(startedAt),
      finishedAt: iso(finishedAt),
      sha,
      ...(kind ? { kind } : {}),
      ...(rollbackOf ? { rollbackOf } : {}),
      ...(counted && listsCommits ? { commits: shipped(sha) } : {}),
      url: `https://ci.acme.example/${name}/runs/${n}`,
    };
    if (counted) prod.push(deployment);
    out.deployments.push(deployment);
    return deployment;
  };

  const ship = (from: number, to: number, sha: string, extra: Extra) =>
    run('production', 'success', from, to, sha, extra);

  const incident = (
    at: number,
    resolvedAt: number,
    cause?: DeploymentInput,
  ) => {
    if (at >= end) return;
    const id = `${name}-inc-${++incidentNumber}`;
    const s = rng();
    out.incidents.push({
      source: 'demo-pager',
      id,
      ...(svc.pagerDutyServiceId
        ? { service: svc.pagerDutyServiceId }
        : { entityRef: svc.entityRef }),
      title: pick(rng, TITLES)(name),
      severity: `sev${1 + Number(s >= 0.1) + Number(s >= 0.45)}`,
      startedAt: iso(at),
      ...(resolvedAt < end ? { resolvedAt: iso(resolvedAt) } : {}),
      ...(cause && chance(rng, 0.15)
        ? { causeDeploymentId: `demo-ci:${cause.id}` }
        : {}),
      url: `https://acme.pagerduty.example/incidents/${id}`,
    });
  };

  // Fix forward: a small commit straight to production, skipping the soak.
  const hotfix = (incidentAt: number, resolvedAt: number) => {
    const q = Math.min(resolvedAt - incidentAt, 2 * HOUR);
    const commitAt = resolvedAt - 0.7 * q;
    if (commitAt >= end) return;
    const { sha } = line.hotfix(commitAt);
    const [from, to] = [resolvedAt - 0.55 * q, resolvedAt - 0.05 * q];
    ship(from, to, sha, { kind: 'hotfix' });
  };

  // Plays out a failed release: a rollback, sometimes with an incident, or an
  // incident fixed forward or by hand. Returns when the team may ship again.
  const recover = (bad: DeploymentInput, before?: DeploymentInput) => {
    const at = Date.parse(bad.finishedAt);
    if (before && chance(rng, p.rollbackShare)) {
      const rollbackAt = at + between(rng, p.rollbackHours) * HOUR;
      const from = rollbackAt - between(rng, [4, 9]) * MINUTE;
      const extra = { kind: 'rollback', rollbackOf: bad.id } as const;
      const rollback = ship(from, rollbackAt, before.sha!, extra);
      if (rollback && chance(rng, 0.5)) {
        const incidentAt = at + between(rng, [0.1, 0.6]) * (rollbackAt - at);
        incident(incidentAt, rollbackAt + between(rng, [2, 15]) * MINUTE, bad);
      }
      return rollbackAt;
    }
    const incidentAt = at + between(rng, p.incidentDelayHours) * HOUR;
    const resolvedAt = incidentAt + between(rng, p.restoreHours) * HOUR;
    incident(incidentAt, resolvedAt, bad);
    if (chance(rng, p.hotfixShare)) hotfix(incidentAt, resolvedAt);
    return resolvedAt;
  };

  // One planned release; returns when the next one may start.
  const release = (cut: number, soakDays: number): number => {
    const head = line.headAt(cut);
    const before = prod[prod.length - 1];
    if (!head || head.sha === before?.sha) return cut + HOUR;
    let t = cut;
    if (chance(rng, p.stagingChance)) {
      const finishedAt = t + between(rng, [6, 15]) * MINUTE;
      run('staging', 'success', t, finishedAt, head.sha);
      t = finishedAt + 2 * MINUTE;
    }
    if (soakDays > 0) t = toWorkingHours(t + soakDays * DAY);
    if (chance(rng, p.failedRunChance)) {
      const finishedAt = t + between(rng, [3, 12]) * MINUTE;
      run('production', 'failure', t, finishedAt, head.sha);
      t = finishedAt + between(rng, [2, 10]) * MINUTE;
    }
    const waves = intBetween(rng, p.waves[0], p.waves[1]);
    let last: DeploymentInput | undefined;
    for (let wave = 0; wave < waves; wave++) {
      const finishedAt = t + between(rng, [6, 20]) * MINUTE;
      const deployment = ship(t, finishedAt, head.sha, { kind: 'planned' });
      if (!deployment) return end;
      last = deployment;
      t = finishedAt + between(rng, [20, 90]) * MINUTE;
    }
    // Error diffusion instead of coin flips, so a short window still sees the
    // rate; at most one failure per release, blamed on its last wave.
    failureDebt += failureRate * waves;
    if (failureDebt < 1) return t;
    failureDebt = Math.max(0, failureDebt - 1);
    return recover(last!, before) + between(rng, [5, 15]) * MINUTE;
  };

  if (p.deploysPerWorkday) {
    const [min, max] = p.deploysPerWorkday;
    let cursor = start;
    for (let day = Math.floor(start / DAY) * DAY; day < end; day += DAY) {
      const n = isWeekend(day)
        ? Number(chance(rng, 0.1))
        : intBetween(rng, min, max);
      const slots = Array.from(
        { length: n },
        () => day + between(rng, [9.5, 17.5]) * HOUR - tz,
      );
      for (const slot of slots.sort((a, b) => a - b)) {
        const cut = Math.max(slot, cursor);
        if (cut > start && cut < end) cursor = release(cut, 0);
      }
    }
  } else {
    let cut = toWorkingHours(start + between(rng, [1, 3]) * DAY);
    while (cut < end) {
      const next = release(cut, between(rng, p.soakDays));
      cut = toWorkingHours(next + between(rng, p.restDays) * DAY);
    }
  }
  line.headAt(end);

  // Data-quality cases: an incident before any deployment it could link to,
  // and one still open at the end of the history.
  const first = prod[0] ? Date.parse(prod[0].finishedAt) : end;
  if (chance(rng, 0.3) && first - start > 3 * HOUR) {
    const at = start + between(rng, [0.2, 0.7]) * (first - start);
    incident(at, at + between(rng, [1, 6]) * HOUR);
  }
  // The open one is the failure the rate says is due next, so it does not
  // push slow services, with few deployments, out of their band.
  const last = prod[prod.length - 1];
  const after = last ? Date.parse(last.finishedAt) : start;
  if (failureDebt > 0.6 && end - after > HOUR) {
    incident(after + between(rng, [0.3, 0.9]) * (end - after), end, last);
  }
}

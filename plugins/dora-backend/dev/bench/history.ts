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
  hashString,
  mulberry32,
  Rng,
} from '@dora-metrics/plugin-dora-backend-module-demo';
import { BenchService } from './organisation';
import { BenchSize, END, historyStart } from './sizes';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type BenchCommit = { sha: string; committedAt: number };
export type BenchDeployment = {
  id: string;
  environment: string;
  status: string;
  kind: 'planned' | 'hotfix';
  finishedAt: number;
  sha: string;
};
export type BenchIncident = {
  id: string;
  startedAt: number;
  resolvedAt: number | null;
};

/** One service's history, times in epoch ms, each list sorted by time. */
export type ServiceHistory = {
  service: BenchService;
  commits: BenchCommit[];
  deployments: BenchDeployment[];
  incidents: BenchIncident[];
};

const share = (total: number, parts: number, index: number) =>
  Math.floor(total / parts) + (index < total % parts ? 1 : 0);

/** `n` strictly increasing integer times in `[from, to)`. */
function times(rng: Rng, n: number, from: number, to: number) {
  const list = Array.from({ length: n }, () =>
    Math.floor(from + rng() * (to - from)),
  ).sort((a, b) => a - b);
  for (let i = 1; i < n; i++) list[i] = Math.max(list[i], list[i - 1] + 1);
  return list;
}

/**
 * The history of one service, from the seed and the service's name alone:
 * a linear main line of commits (the first one at the start), deployments of
 * the latest commit at least 10 minutes old (8 % failed runs, 15 % staging,
 * 5 % hotfixes), incidents resolved within hours (open when past the end).
 */
export function serviceHistory(
  size: BenchSize,
  service: BenchService,
  seed: number,
): ServiceHistory {
  const rng = mulberry32(seed ^ hashString(service.entityRef));
  const start = historyStart(size);
  const name = service.entityRef.split('/')[1];
  const commitTimes = times(
    rng,
    share(size.commits, size.services, service.index) - 1,
    start + 1,
    END,
  );
  const commits = [start, ...commitTimes].map((committedAt, i) => ({
    sha: `${name}-c${i}`,
    committedAt,
  }));
  let head = 0;
  const deployments = times(
    rng,
    share(size.deployments, size.services, service.index),
    start + 7 * DAY_MS,
    END,
  ).map((finishedAt, i): BenchDeployment => {
    while (
      head + 1 < commits.length &&
      commits[head + 1].committedAt <= finishedAt - 10 * 60_000
    )
      head++;
    const roll = rng();
    return {
      id: `${name}-d${i}`,
      environment: roll < 0.15 ? 'staging' : 'production',
      status: rng() < 0.08 ? 'failure' : 'success',
      kind: rng() < 0.05 ? 'hotfix' : 'planned',
      finishedAt,
      sha: commits[head].sha,
    };
  });
  const incidents = times(
    rng,
    share(size.incidents, size.services, service.index),
    start + 7 * DAY_MS,
    END,
  ).map((startedAt, i) => {
    const resolvedAt = startedAt + Math.floor((0.2 + rng() * 30) * HOUR_MS);
    return {
      id: `${name}-i${i}`,
      startedAt,
      resolvedAt: resolvedAt < END ? resolvedAt : null,
    };
  });
  return { service, commits, deployments, incidents };
}

/** Every service's history, one at a time: never the whole organisation in memory. */
export function* histories(
  size: BenchSize,
  services: readonly BenchService[],
  seed: number,
): Generator<ServiceHistory> {
  for (const service of services) yield serviceHistory(size, service, seed);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The push API's payloads for one service's history. */
export function pushItems(h: ServiceHistory) {
  const { repository, entityRef } = h.service;
  return {
    changes: h.commits.map((c, i) => ({
      source: 'bench',
      repository,
      sha: c.sha,
      committedAt: iso(c.committedAt),
      parents: i === 0 ? [] : [h.commits[i - 1].sha],
    })),
    deployments: h.deployments.map(d => ({
      source: 'bench',
      id: d.id,
      repository,
      environment: d.environment,
      status: d.status,
      kind: d.kind,
      finishedAt: iso(d.finishedAt),
      sha: d.sha,
    })),
    incidents: h.incidents.map(i => ({
      source: 'bench',
      id: i.id,
      entityRef,
      startedAt: iso(i.startedAt),
      resolvedAt: i.resolvedAt === null ? null : iso(i.resolvedAt),
    })),
  };
}

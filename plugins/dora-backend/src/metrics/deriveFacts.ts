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

import { revertFacts } from './reverts';
import { hoursBetween } from './stats';
import { pullRequestIndexes, shipCommits, Shipment } from './shipCommits';
import { stageSamples, Stages } from './stages';
import {
  DeploymentFact,
  DeploymentRecord,
  EntityFacts,
  EntityHistory,
  IncidentFact,
  IncidentRecord,
  RecoveryFact,
} from './types';

export type DeriveOptions = {
  /** Longest gap between a deployment and an incident it is linked to by time; `null` for no limit. */
  incidentLinkWindowMs: number | null;
  /**
   * Whether automated (bot) changes are lead-time and stage samples. They
   * ship and count for deployments either way.
   */
  includeAutomated: boolean;
};

function byFinished(a: DeploymentRecord, b: DeploymentRecord) {
  return a.finishedAt - b.finishedAt || a.key.localeCompare(b.key);
}

/**
 * Derives everything the metrics need from one entity's raw events: which
 * deployments count, what each shipped, which failed and why, and the recovery
 * samples (spec: "The five metrics"). Pure; the store persists the result.
 */
export function deriveEntityFacts(
  history: EntityHistory,
  options: DeriveOptions,
): EntityFacts {
  const { entityRef } = history;
  const production = new Set(
    history.productionEnvironments.map(e => e.toLowerCase()),
  );
  const counted = history.deployments
    .filter(
      d =>
        d.status === 'success' && production.has(d.environment.toLowerCase()),
    )
    .sort(byFinished);
  const resolve = deploymentResolver(counted);
  const indexOf = pullRequestIndexes(history.changes);
  const shipments = shipCommits(counted, history.changes, indexOf);

  const incidents = [...history.incidents].sort(
    (a, b) => a.startedAt - b.startedAt,
  );
  const incidentFacts = incidents.map(incident => ({
    entityRef,
    incidentKey: incident.key,
    startedAt: incident.startedAt,
    resolvedAt: incident.resolvedAt,
    ...linkIncident(incident, counted, resolve, shipments, options),
  }));

  const recoveries: RecoveryFact[] = [];
  const failed = new Set<string>();
  for (const incident of incidentFacts) {
    if (!incident.linkedDeployment) continue;
    failed.add(incident.linkedDeployment);
    const deployment = resolve.byKey.get(incident.linkedDeployment)!;
    if (
      incident.resolvedAt !== null &&
      incident.resolvedAt >= deployment.finishedAt
    ) {
      recoveries.push({
        entityRef,
        kind: 'incident',
        at: incident.resolvedAt,
        hours: hoursBetween(deployment.finishedAt, incident.resolvedAt),
        deploymentKey: deployment.key,
        recoveredBy: incident.incidentKey,
      });
    }
  }

  const rolledBack = new Set<string>();
  counted.forEach((rollback, index) => {
    if (rollback.kind !== 'rollback') return;
    const target = rollback.rollbackOf
      ? resolve.ref(rollback.rollbackOf, rollback.source)
      : counted[index - 1];
    if (
      !target ||
      target.finishedAt >= rollback.finishedAt ||
      rolledBack.has(target.key)
    ) {
      return;
    }
    rolledBack.add(target.key);
    failed.add(target.key);
    recoveries.push({
      entityRef,
      kind: 'rollback',
      at: rollback.finishedAt,
      hours: hoursBetween(target.finishedAt, rollback.finishedAt),
      deploymentKey: target.key,
      recoveredBy: rollback.key,
    });
  });

  const reverts = revertFacts(counted, shipments, history.changes, rolledBack);
  for (const recovery of reverts.recoveries) {
    failed.add(recovery.deploymentKey);
    recoveries.push({ entityRef, ...recovery });
  }

  const isSample = (c: { automated: boolean }) =>
    options.includeAutomated || !c.automated;
  const stages = stageSamples(
    counted,
    new Map(
      counted.map(d => [d.key, shipments.get(d.key)!.commits.filter(isSample)]),
    ),
    indexOf,
    isSample,
  );
  const deployments = counted.map(d =>
    deploymentFact(
      entityRef,
      d,
      shipments.get(d.key)!.commits,
      stages.get(d.key)!,
      options,
      {
        failed: failed.has(d.key),
        unplanned:
          d.kind !== 'planned' ||
          reverts.unplanned.has(d.key) ||
          incidents.some(i => wasOpenAt(i, d.finishedAt)),
        commitsUnknown: shipments.get(d.key)!.gap !== null,
      },
    ),
  );
  return {
    entityRef,
    historyStartsAt: firstFinished(history.deployments),
    deployments,
    recoveries,
    incidents: incidentFacts,
  };
}

/** The earliest `finishedAt` of any deployment, whatever it counts for. */
function firstFinished(deployments: readonly DeploymentRecord[]) {
  let first: number | null = null;
  for (const d of deployments)
    if (first === null || d.finishedAt < first) first = d.finishedAt;
  return first;
}

function wasOpenAt(incident: IncidentRecord, at: number): boolean {
  return (
    incident.startedAt <= at &&
    (incident.resolvedAt === null || at < incident.resolvedAt)
  );
}

/** Finds counted deployments by `source:id`, or by id alone when unambiguous enough. */
function deploymentResolver(counted: readonly DeploymentRecord[]) {
  const byKey = new Map(counted.map(d => [d.key, d]));
  const byId = new Map<string, DeploymentRecord[]>();
  for (const d of counted)
    byId.set(d.externalId, [...(byId.get(d.externalId) ?? []), d]);
  return {
    byKey,
    ref(ref: string, preferredSource: string): DeploymentRecord | undefined {
      const direct = byKey.get(ref);
      if (direct) return direct;
      const candidates = byId.get(ref) ?? [];
      return (
        candidates.find(d => d.source === preferredSource) ??
        candidates[candidates.length - 1]
      );
    },
  };
}

function linkIncident(
  incident: IncidentRecord,
  counted: readonly DeploymentRecord[],
  resolve: ReturnType<typeof deploymentResolver>,
  shipments: ReturnType<typeof shipCommits>,
  options: DeriveOptions,
): Pick<IncidentFact, 'linkedDeployment' | 'linkedBy'> {
  if (incident.causeDeploymentId) {
    const cause = resolve.ref(incident.causeDeploymentId, incident.source);
    if (cause) return { linkedDeployment: cause.key, linkedBy: 'cause' };
  }
  if (incident.causeSha) {
    const sha = incident.causeSha;
    const cause =
      counted.find(d => d.sha === sha) ??
      counted.find(d => shipments.get(d.key)!.commits.some(c => c.sha === sha));
    if (cause) return { linkedDeployment: cause.key, linkedBy: 'cause' };
  }
  let latest: DeploymentRecord | undefined;
  for (const d of counted) {
    if (d.finishedAt >= incident.startedAt) break;
    latest = d;
  }
  const tooOld =
    latest &&
    options.incidentLinkWindowMs !== null &&
    incident.startedAt - latest.finishedAt > options.incidentLinkWindowMs;
  return latest && !tooOld
    ? { linkedDeployment: latest.key, linkedBy: 'time' }
    : { linkedDeployment: null, linkedBy: null };
}

function deploymentFact(
  entityRef: string,
  d: DeploymentRecord,
  shipped: Shipment[],
  stages: Stages,
  options: DeriveOptions,
  flags: { failed: boolean; unplanned: boolean; commitsUnknown: boolean },
): DeploymentFact {
  const commits = shipped.map(c => ({
    sha: c.sha,
    committedAt: c.committedAt,
    leadTimeHours: hoursBetween(c.committedAt, d.finishedAt),
  }));
  const sampled = options.includeAutomated
    ? shipped
    : shipped.filter(c => !c.automated);
  const leadTimes = sampled
    .map(c => hoursBetween(c.committedAt, d.finishedAt))
    .filter(h => h >= 0);
  return {
    entityRef,
    deploymentKey: d.key,
    finishedAt: d.finishedAt,
    failed: flags.failed,
    unplanned: flags.unplanned,
    commitsUnknown: flags.commitsUnknown,
    leadTimes,
    clockSkewed: sampled.length - leadTimes.length,
    automatedExcluded: shipped.length - sampled.length,
    stages,
    commits,
  };
}

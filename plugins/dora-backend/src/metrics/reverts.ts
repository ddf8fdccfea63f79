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

import { hoursBetween } from './stats';
import { ChangeRecord, DeploymentRecord, RecoveryFact } from './types';

/** What a commit reverts, as ingestion stored it. */
type Revert = { sha: string | null; pullRequest: number | null };

export type RevertFacts = {
  /** Counted deployments that first shipped a revert of something they did not ship. */
  unplanned: Set<string>;
  /** Reverted deployments, each recovered by the deployment that reverted it. */
  recoveries: Omit<RecoveryFact, 'entityRef'>[];
};

/**
 * Reverts (spec: "Reverts"). The counted deployment that first ships a
 * revert is unplanned; the counted deployment that first shipped what it
 * reverts (the commit, or any commit of the reverted pull request: its merge
 * or squash commit, its branch commits) failed, as if rolled back, and
 * recovered when the reverting deployment finished.
 *
 * A revert of something never shipped, or shipped by the reverting
 * deployment itself or later, changes nothing. An abbreviated sha that
 * matches several shipped commits names none of them. A deployment gets at
 * most one such sample, from the first deployment that reverts it, and none
 * when `alreadyRolledBack` holds it (a rollback deployment recovered it).
 *
 * `counted` is sorted by `finishedAt`; `shipments` is what each shipped.
 */
export function revertFacts(
  counted: readonly DeploymentRecord[],
  shipments: ReadonlyMap<string, { commits: readonly { sha: string }[] }>,
  changes: ReadonlyMap<string, ReadonlyMap<string, ChangeRecord>>,
  alreadyRolledBack: ReadonlySet<string>,
): RevertFacts {
  const firstShipper = new Map<string, number>();
  counted.forEach((d, index) => {
    const shas = shipments.get(d.key)?.commits.map(c => c.sha) ?? [];
    // The head a deployment names is shipped by it even when its history is unknown.
    if (d.sha) shas.push(d.sha);
    for (const sha of shas) {
      const key = sha.toLowerCase();
      if (!firstShipper.has(key)) firstShipper.set(key, index);
    }
  });

  const facts: RevertFacts = { unplanned: new Set(), recoveries: [] };
  const recovered = new Set(alreadyRolledBack);
  counted.forEach((reverting, index) => {
    const repoChanges = reverting.repository
      ? changes.get(reverting.repository)
      : undefined;
    for (const { sha } of shipments.get(reverting.key)?.commits ?? []) {
      const revert = revertOf(reverting, sha, repoChanges);
      if (!revert) continue;
      const target = revertedDeployment(revert, firstShipper, repoChanges);
      if (target === undefined || target >= index) continue;
      const reverted = counted[target];
      if (reverted.finishedAt >= reverting.finishedAt) continue;
      facts.unplanned.add(reverting.key);
      if (recovered.has(reverted.key)) continue;
      recovered.add(reverted.key);
      facts.recoveries.push({
        kind: 'rollback',
        at: reverting.finishedAt,
        hours: hoursBetween(reverted.finishedAt, reverting.finishedAt),
        deploymentKey: reverted.key,
        recoveredBy: reverting.key,
      });
    }
  });
  return facts;
}

/** What a shipped commit reverts: the deployment's own list says, else the stored commit. */
function revertOf(
  deployment: DeploymentRecord,
  sha: string,
  repoChanges: ReadonlyMap<string, ChangeRecord> | undefined,
): Revert | undefined {
  const listed = deployment.commits?.find(c => c.sha === sha)?.revertOf;
  const known = repoChanges?.get(sha);
  const revert: Revert = {
    sha: listed ?? known?.revertOf ?? null,
    pullRequest: known?.revertOfPullRequest ?? null,
  };
  return revert.sha || revert.pullRequest !== null ? revert : undefined;
}

/** Index of the earliest counted deployment that shipped what `revert` names. */
function revertedDeployment(
  revert: Revert,
  firstShipper: ReadonlyMap<string, number>,
  repoChanges: ReadonlyMap<string, ChangeRecord> | undefined,
): number | undefined {
  const indexes: number[] = [];
  if (revert.sha) {
    const prefix = revert.sha.toLowerCase();
    const exact = firstShipper.get(prefix);
    const matches =
      exact !== undefined
        ? [exact]
        : [...firstShipper.entries()]
            .filter(([sha]) => sha.startsWith(prefix))
            .map(([, index]) => index);
    // Ambiguous: an abbreviation of several shipped commits names none.
    if (matches.length === 1) indexes.push(matches[0]);
  }
  if (revert.pullRequest !== null && repoChanges) {
    for (const change of repoChanges.values()) {
      if (change.pullRequest?.number !== revert.pullRequest) continue;
      const index = firstShipper.get(change.sha.toLowerCase());
      if (index !== undefined) indexes.push(index);
    }
  }
  return indexes.length > 0 ? Math.min(...indexes) : undefined;
}

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

import { ChangeRecord, DeploymentRecord } from './types';

/** A commit a deployment shipped, with what is known of its pull request. */
export type Shipment = {
  sha: string;
  committedAt: number;
  authoredAt: number | null;
  pullRequest: ChangeRecord['pullRequest'];
  automated: boolean;
};

/** Why a deployment shipped no commits although it should have. */
export type ShipmentGap = 'history-unknown' | null;

// Guards against cycles or corrupt parent data; far beyond any real release.
const MAX_WALK = 100_000;

/**
 * Decides which commits each counted deployment shipped (spec: "What a
 * deployment shipped"). `deployments` must be the entity's successful
 * production deployments sorted by `finishedAt`; a commit goes to the earliest.
 */
export function shipCommits(
  deployments: readonly DeploymentRecord[],
  changes: ReadonlyMap<string, ReadonlyMap<string, ChangeRecord>>,
): Map<string, { commits: Shipment[]; gap: ShipmentGap }> {
  const shipped = new Set<string>();
  const lastShaByEnvironment = new Map<string, string | null>();
  const result = new Map<string, { commits: Shipment[]; gap: ShipmentGap }>();

  for (const deployment of deployments) {
    const env = deployment.environment.toLowerCase();
    const repoChanges = deployment.repository
      ? changes.get(deployment.repository)
      : undefined;
    let commits: Shipment[] = [];
    let gap: ShipmentGap = null;

    if (deployment.commits) {
      commits = deployment.commits
        .filter(c => !shipped.has(c.sha))
        .map(c => {
          const known = repoChanges?.get(c.sha);
          return {
            ...c,
            pullRequest: known?.pullRequest ?? null,
            // Either the deployment or the pushed change may say it is a bot's.
            automated: c.automated || (known?.automated ?? false),
          };
        });
    } else if (deployment.sha && lastShaByEnvironment.get(env)) {
      const walked = walkFirstParents(
        deployment.sha,
        lastShaByEnvironment.get(env)!,
        shipped,
        repoChanges,
      );
      if (walked) commits = walked;
      else gap = 'history-unknown';
    }

    for (const c of commits) shipped.add(c.sha);
    result.set(deployment.key, { commits, gap });
    lastShaByEnvironment.set(env, deployment.sha);
  }
  return result;
}

/**
 * Commits in `(boundary, head]` along first parents. Stops early at a commit
 * already shipped, since everything behind it was shipped too. `null` when the
 * walk runs off the known history before reaching either.
 */
function walkFirstParents(
  head: string,
  boundary: string,
  shipped: ReadonlySet<string>,
  repoChanges: ReadonlyMap<string, ChangeRecord> | undefined,
): Shipment[] | null {
  const commits: Shipment[] = [];
  let cursor: string | null = head;
  for (let steps = 0; steps < MAX_WALK; steps++) {
    if (cursor === boundary || (cursor !== null && shipped.has(cursor))) {
      return commits;
    }
    const change: ChangeRecord | undefined = cursor
      ? repoChanges?.get(cursor)
      : undefined;
    if (!change) return null;
    commits.push({
      sha: change.sha,
      committedAt: change.committedAt,
      authoredAt: change.authoredAt,
      pullRequest: change.pullRequest,
      automated: change.automated,
    });
    cursor = change.firstParent;
  }
  return null;
}

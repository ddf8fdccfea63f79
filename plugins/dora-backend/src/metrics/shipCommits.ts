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

import { ChangeRecord, DeploymentRecord, PullRequestRecord } from './types';

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

/** The stored commits of one repository, by pull request number. */
export type PullRequestIndex = ReadonlyMap<number, readonly ChangeRecord[]>;

export function indexByPullRequest(
  repoChanges: ReadonlyMap<string, ChangeRecord> | undefined,
): PullRequestIndex {
  const index = new Map<number, ChangeRecord[]>();
  for (const change of repoChanges?.values() ?? []) {
    if (!change.pullRequest) continue;
    const list = index.get(change.pullRequest.number);
    if (list) list.push(change);
    else index.set(change.pullRequest.number, [change]);
  }
  return index;
}

/** Field by field, what either record knows; the earliest of two times. */
export function mergePullRequestRecords(
  a: PullRequestRecord | null | undefined,
  b: PullRequestRecord | null | undefined,
): PullRequestRecord | null {
  if (!a || !b) return a ?? b ?? null;
  const min = (x: number | null, y: number | null) => {
    if (x === null) return y;
    return y === null ? x : Math.min(x, y);
  };
  return {
    number: a.number,
    createdAt: min(a.createdAt, b.createdAt),
    firstReviewAt: min(a.firstReviewAt, b.firstReviewAt),
    mergedAt: min(a.mergedAt, b.mergedAt),
    firstCommitAt: min(a.firstCommitAt, b.firstCommitAt),
  };
}

const shipmentOf = (change: ChangeRecord): Shipment => ({
  sha: change.sha,
  committedAt: change.committedAt,
  authoredAt: change.authoredAt,
  pullRequest: change.pullRequest,
  automated: change.automated,
});

/**
 * Decides which commits each counted deployment shipped (spec: "What a
 * deployment shipped"). `deployments` must be the entity's successful
 * production deployments sorted by `finishedAt`; a commit goes to the earliest.
 *
 * Besides the commits it lists or that lie on its first-parent path, a
 * deployment ships every stored commit of the same repository that carries
 * the number of a pull request it ships (the branch commits of a merge, the
 * commits a squash replaced) and was made before it finished, unless an
 * earlier deployment shipped it.
 */
export function shipCommits(
  deployments: readonly DeploymentRecord[],
  changes: ReadonlyMap<string, ReadonlyMap<string, ChangeRecord>>,
): Map<string, { commits: Shipment[]; gap: ShipmentGap }> {
  const shipped = new Set<string>();
  const lastShaByEnvironment = new Map<string, string | null>();
  const result = new Map<string, { commits: Shipment[]; gap: ShipmentGap }>();
  // Built once per repository, not per deployment.
  const indexes = new Map<string, PullRequestIndex>();
  const indexOf = (repository: string | null) => {
    if (!repository) return new Map() as PullRequestIndex;
    let index = indexes.get(repository);
    if (!index) {
      index = indexByPullRequest(changes.get(repository));
      indexes.set(repository, index);
    }
    return index;
  };

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
            sha: c.sha,
            committedAt: c.committedAt,
            authoredAt: c.authoredAt ?? known?.authoredAt ?? null,
            pullRequest: mergePullRequestRecords(
              c.pullRequest,
              known?.pullRequest,
            ),
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

    commits = collapseRebased(
      withPullRequestCommits(
        commits,
        indexOf(deployment.repository),
        shipped,
        deployment.finishedAt,
      ),
      shipped,
    );
    for (const c of commits) shipped.add(c.sha);
    result.set(deployment.key, { commits, gap });
    lastShaByEnvironment.set(env, deployment.sha);
  }
  return result;
}

/**
 * `commits` and the not yet shipped commits of their pull requests. A commit
 * made after the deployment finished cannot have been in it (a pull request
 * whose first commits reached production before the rest): it waits for a
 * later deployment.
 */
function withPullRequestCommits(
  commits: Shipment[],
  index: PullRequestIndex,
  shipped: ReadonlySet<string>,
  deployedAt: number,
): Shipment[] {
  const seen = new Set(commits.map(c => c.sha));
  const out = [...commits];
  const numbers = new Set(
    commits.flatMap(c => (c.pullRequest ? [c.pullRequest.number] : [])),
  );
  for (const number of numbers) {
    for (const change of index.get(number) ?? []) {
      if (shipped.has(change.sha) || seen.has(change.sha)) continue;
      if (change.committedAt > deployedAt) continue;
      seen.add(change.sha);
      out.push(shipmentOf(change));
    }
  }
  return out;
}

/**
 * A rebase merge puts new shas on the main line while the provider lists the
 * pull request's original branch shas: the same logical commit twice. Two
 * shipped commits with the same author time (else commit time, to the
 * millisecond) whose pull
 * requests agree (the same number, or only one of them has one) are one commit
 * (two commits without a pull request stay two: bots commit within a second):
 * the one committed first is kept (the branch original, whose commit time is
 * the real one), with the pull request either knows; the other's sha counts
 * as shipped so that no later deployment counts it either.
 */
function collapseRebased(commits: Shipment[], shipped: Set<string>) {
  const ordered = [...commits].sort(
    (a, b) => a.committedAt - b.committedAt || a.sha.localeCompare(b.sha),
  );
  const kept: Shipment[] = [];
  const byAuthorTime = new Map<number, Shipment[]>();
  for (const commit of ordered) {
    // A push webhook's commit time is the author time (the one a rebase keeps).
    const authorTime = commit.authoredAt ?? commit.committedAt;
    const same = byAuthorTime.get(authorTime) ?? [];
    const twin = same.find(k =>
      k.pullRequest && commit.pullRequest
        ? k.pullRequest.number === commit.pullRequest.number
        : !!(k.pullRequest || commit.pullRequest),
    );
    if (!twin) {
      const copy = { ...commit };
      kept.push(copy);
      byAuthorTime.set(authorTime, [...same, copy]);
      continue;
    }
    twin.pullRequest = mergePullRequestRecords(
      twin.pullRequest,
      commit.pullRequest,
    );
    twin.automated = twin.automated || commit.automated;
    shipped.add(commit.sha);
  }
  // In the order the deployment shipped them.
  const order = new Map(commits.map((c, i) => [c.sha, i]));
  return kept.sort((a, b) => order.get(a.sha)! - order.get(b.sha)!);
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
    commits.push(shipmentOf(change));
    cursor = change.firstParent;
  }
  return null;
}

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

/** Finds a repository's {@link PullRequestIndex}. */
export type PullRequestIndexes = (
  repository: string | null,
) => PullRequestIndex;

/** Commits (stored or shipped) by the number of their pull request. */
export function groupByPullRequest<
  T extends { pullRequest: { number: number } | null },
>(commits: Iterable<T>): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const commit of commits) {
    if (!commit.pullRequest) continue;
    const list = groups.get(commit.pullRequest.number);
    if (list) list.push(commit);
    else groups.set(commit.pullRequest.number, [commit]);
  }
  return groups;
}

/**
 * The pull request indexes of an entity's repositories, each built on first
 * use and then kept, so shipping and stage sampling share one per repository.
 */
export function pullRequestIndexes(
  changes: ReadonlyMap<string, ReadonlyMap<string, ChangeRecord>>,
): PullRequestIndexes {
  const indexes = new Map<string, PullRequestIndex>();
  return repository => {
    if (!repository) return new Map();
    let index = indexes.get(repository);
    if (!index) {
      index = groupByPullRequest(changes.get(repository)?.values() ?? []);
      indexes.set(repository, index);
    }
    return index;
  };
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
  indexOf: PullRequestIndexes = pullRequestIndexes(changes),
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
      commits,
      pullRequestCommits(
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
 * The not yet shipped commits of the pull requests of `commits`, besides
 * `commits` themselves. A commit made after the deployment finished cannot
 * have been in it (a pull request whose first commits reached production
 * before the rest): it waits for a later deployment.
 */
function pullRequestCommits(
  commits: Shipment[],
  index: PullRequestIndex,
  shipped: ReadonlySet<string>,
  deployedAt: number,
): Shipment[] {
  const seen = new Set(commits.map(c => c.sha));
  const out: Shipment[] = [];
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
 * pull request's original branch shas: the same logical commit twice. A
 * pull request's commit that is not on the main line (`branch`) and a main
 * line commit (`mainLine`) with the same author time (else commit time, to
 * the millisecond) whose pull requests agree (the same number, or the main
 * line commit has none: a rebase attaches the pull request only to its last
 * commit) are one commit. The one committed first is kept (the branch
 * original, whose commit time is the real one), with the pull request either
 * knows; the other's sha counts as shipped so that no later deployment counts
 * it either. Main line commits are never merged with each other: a rebase
 * gives them all one commit time, and bots commit within a second.
 */
function collapseRebased(
  mainLine: Shipment[],
  branch: Shipment[],
  shipped: Set<string>,
): Shipment[] {
  const kept = mainLine.map(c => ({ ...c }));
  const unmatched = new Map<number, Shipment[]>();
  for (const c of kept) {
    const time = c.authoredAt ?? c.committedAt;
    unmatched.set(time, [...(unmatched.get(time) ?? []), c]);
  }
  for (const commit of branch) {
    const time = commit.authoredAt ?? commit.committedAt;
    const candidates = unmatched.get(time) ?? [];
    const twin = candidates.find(
      k =>
        !k.pullRequest ||
        !commit.pullRequest ||
        k.pullRequest.number === commit.pullRequest.number,
    );
    if (!twin) {
      kept.push({ ...commit });
      continue;
    }
    unmatched.set(
      time,
      candidates.filter(k => k !== twin),
    );
    const pullRequest = mergePullRequestRecords(
      twin.pullRequest,
      commit.pullRequest,
    );
    const automated = twin.automated || commit.automated;
    const [first, other] =
      commit.committedAt < twin.committedAt ? [commit, twin] : [twin, commit];
    Object.assign(twin, { ...first, pullRequest, automated });
    shipped.add(other.sha);
  }
  return kept;
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

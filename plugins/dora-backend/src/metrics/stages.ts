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
  groupByPullRequest,
  mergePullRequestRecords,
  PullRequestIndexes,
  Shipment,
} from './shipCommits';
import { hoursBetween } from './stats';
import { DeploymentFact, DeploymentRecord } from './types';

export type Stages = DeploymentFact['stages'];

const noStages = (): Stages => ({
  coding: [],
  pickup: [],
  review: [],
  deploy: [],
});

/**
 * Lead time stages (spec: "Lead time stage rules"): one sample per pull
 * request of the entity, taken by the earliest counted deployment that
 * shipped any of its commits. Its first commit is the earliest author time
 * (else commit time) among all its commits, shipped or only stored (branch
 * commits, commits a squash replaced), and the `firstCommitAt` its source
 * gave. Each stage stands alone: a negative one is dropped, the others kept.
 *
 * `deployments` are the counted ones in `finishedAt` order; `shipped` tells
 * what each shipped, already without the automated commits that are no
 * samples; `indexOf` finds a repository's stored commits by pull request;
 * `isSample` says which stored commits may count (the same rule).
 */
export function stageSamples(
  deployments: readonly DeploymentRecord[],
  shipped: ReadonlyMap<string, readonly Shipment[]>,
  indexOf: PullRequestIndexes,
  isSample: (c: { automated: boolean }) => boolean,
): Map<string, Stages> {
  const sampled = new Set<string>();
  const result = new Map<string, Stages>();
  for (const d of deployments) {
    const stages = noStages();
    result.set(d.key, stages);
    const byNumber = groupByPullRequest(shipped.get(d.key) ?? []);
    for (const [number, commits] of byNumber) {
      // Pull request numbers are per repository.
      const key = `${d.repository ?? ''}#${number}`;
      if (sampled.has(key)) continue;
      sampled.add(key);
      const stored = (indexOf(d.repository).get(number) ?? []).filter(isSample);
      addSample(stages, [...commits, ...stored], d.finishedAt);
    }
  }
  return result;
}

function addSample(
  stages: Stages,
  commits: readonly Pick<
    Shipment,
    'committedAt' | 'authoredAt' | 'pullRequest'
  >[],
  deployedAt: number,
) {
  let pr = null;
  let firstCommit: number | null = null;
  for (const c of commits) {
    pr = mergePullRequestRecords(pr, c.pullRequest);
    const at = c.authoredAt ?? c.committedAt;
    if (firstCommit === null || at < firstCommit) firstCommit = at;
  }
  if (!pr) return;
  if (pr.firstCommitAt !== null && pr.firstCommitAt < firstCommit!)
    firstCommit = pr.firstCommitAt;
  const add = (list: number[], from: number | null, to: number | null) => {
    if (from !== null && to !== null && to >= from)
      list.push(hoursBetween(from, to));
  };
  add(stages.coding, firstCommit, pr.createdAt);
  add(stages.pickup, pr.createdAt, pr.firstReviewAt);
  add(stages.review, pr.firstReviewAt, pr.mergedAt);
  add(stages.deploy, pr.mergedAt, deployedAt);
}

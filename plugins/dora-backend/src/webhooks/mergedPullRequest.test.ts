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

import { ChangeInput } from '@dora-metrics/plugin-dora-common';
import { githubExample } from './__testUtils__/fixtures/githubExamples';
import {
  gitlabMergeRequest,
  SHA_B,
  SHA_C,
} from './__testUtils__/fixtures/gitlab';
import {
  githubMergedPullRequest,
  gitlabMergedPullRequest,
  headBranchCommits,
} from './mergedPullRequest';

const commit = (
  sha: string,
  parent: string,
  pullRequest?: number,
): ChangeInput => ({
  source: 'github',
  repository: 'acme/shop',
  sha,
  committedAt: '2026-03-02T06:00:00Z',
  parents: [parent],
  ...(pullRequest ? { pullRequest: { number: pullRequest } } : {}),
});

// main: m0; branch of #5: b1, b2, b3 on m0; an older branch of #4: a1 on m0.
const stored = new Map(
  [
    commit('b1', 'm0'),
    commit('b2', 'b1'),
    commit('b3', 'b2', 5),
    commit('m0', 'a1', 4),
    commit('a1', 'x'),
  ].map(c => [c.sha, c]),
);
const lookup = async (_repository: string, shas: string[]) =>
  new Map(shas.flatMap(s => (stored.has(s) ? [[s, stored.get(s)!]] : [])));
const pr = { source: 'github', repository: 'acme/shop', number: 5 };

describe('head-branch commits of a merged pull request', () => {
  it('walks first parents from the head, as many commits as it had', async () => {
    const found = await headBranchCommits(
      { ...pr, headSha: 'b3', commitCount: 2 },
      lookup,
    );
    // b1 was already on the branch before the pull request's two commits.
    expect(found.map(c => c.sha)).toEqual(['b3', 'b2']);
  });

  it('stops at a commit of another pull request or an unknown one', async () => {
    const walk = (headSha: string, commitCount?: number) =>
      headBranchCommits({ ...pr, headSha, commitCount }, lookup).then(found =>
        found.map(c => c.sha),
      );
    // Without a count: up to m0, which belongs to #4.
    expect(await walk('b3')).toEqual(['b3', 'b2', 'b1']);
    expect(await walk('unknown', 2)).toEqual([]);
    expect(await headBranchCommits({ ...pr, commitCount: 2 }, lookup)).toEqual(
      [],
    );
  });

  it('reads a merge into the default branch from a pull_request delivery', () => {
    const merged = githubExample('pull_request', e => e.action === 'closed');
    merged.pull_request.merged = true;
    merged.pull_request.head.sha = 'b3';
    merged.pull_request.commits = 3;
    expect(githubMergedPullRequest('pull_request', merged)).toEqual({
      source: 'github',
      repository: 'codertocat/hello-world',
      number: merged.pull_request.number,
      headSha: 'b3',
      commitCount: 3,
    });
    // Closed without merging, or into another branch: nothing to read.
    const closed = structuredClone(merged);
    closed.pull_request.merged = false;
    expect(githubMergedPullRequest('pull_request', closed)).toBeUndefined();
    const other = structuredClone(merged);
    other.pull_request.base.ref = 'release';
    expect(githubMergedPullRequest('pull_request', other)).toBeUndefined();
    expect(githubMergedPullRequest('push', merged)).toBeUndefined();
  });
});

describe('the merged merge request a GitLab hook names', () => {
  const hook = (action: string, targetBranch = 'main') => {
    const payload = gitlabMergeRequest({
      iid: 7,
      action,
      actorId: 1,
      createdAt: '2026-03-02 09:00:00 UTC',
      updatedAt: '2026-03-02 11:00:00 UTC',
      mergeCommitSha: SHA_C,
    });
    return {
      ...payload,
      object_attributes: {
        ...payload.object_attributes,
        target_branch: targetBranch,
        last_commit: { id: SHA_B },
      },
    };
  };

  it('names a merge into the default branch by iid, project id and path', () => {
    // Without a head sha: nothing to walk (the push hook stores only the
    // default branch).
    expect(gitlabMergedPullRequest(hook('merge'))).toEqual({
      source: 'gitlab',
      repository: 'acme/checkout',
      number: 7,
      projectId: '30',
    });
  });

  it('names nothing for other actions, other branches or other hooks', () => {
    for (const action of ['open', 'approved', 'update', 'close']) {
      expect(gitlabMergedPullRequest(hook(action))).toBeUndefined();
    }
    expect(gitlabMergedPullRequest(hook('merge', 'release'))).toBeUndefined();
    expect(
      gitlabMergedPullRequest({ ...hook('merge'), object_kind: 'issue' }),
    ).toBeUndefined();
  });
});

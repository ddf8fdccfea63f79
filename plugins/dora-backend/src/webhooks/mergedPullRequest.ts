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
import { MergedPullRequest } from '../ingest/pullRequestCommits';
import { obj, repositoryPath, str } from './payloads';

/** A merged pull request, and what links it to its head branch's pushes. */
export type MergedPullRequestDelivery = MergedPullRequest & {
  /** The head branch's last commit when it was merged. */
  headSha?: string;
  /** How many commits the pull request had (GitHub's `commits`). */
  commitCount?: number;
};

/**
 * The pull request a GitHub `pull_request` delivery says was merged into
 * the repository's default branch, if it says so.
 */
export function githubMergedPullRequest(
  event: string | undefined,
  payload: unknown,
): MergedPullRequestDelivery | undefined {
  const p = obj(payload);
  const pr = obj(p?.pull_request);
  const repository = repositoryPath(obj(p?.repository)?.full_name);
  if (event !== 'pull_request' || !pr || !repository) return undefined;
  if (p?.action !== 'closed' || pr.merged !== true) return undefined;
  const number = pr.number;
  const defaultBranch = str(obj(p?.repository)?.default_branch);
  const target = str(obj(pr.base)?.ref);
  if (typeof number !== 'number' || (defaultBranch && target !== defaultBranch))
    return undefined;
  return {
    source: 'github',
    repository,
    number,
    headSha: str(obj(pr.head)?.sha),
    commitCount: typeof pr.commits === 'number' ? pr.commits : undefined,
  };
}

/**
 * The merge request a GitLab merge request hook says was merged into the
 * project's default branch, if it says so. GitLab's merge request number is
 * its `iid`; its API takes the numeric project id.
 */
export function gitlabMergedPullRequest(
  payload: unknown,
): MergedPullRequestDelivery | undefined {
  const p = obj(payload);
  const mr = obj(p?.object_attributes);
  const project = obj(p?.project);
  const repository = repositoryPath(project?.path_with_namespace);
  if (str(p?.object_kind) !== 'merge_request' || !mr || !repository)
    return undefined;
  if (str(mr.action) !== 'merge') return undefined;
  const number = mr.iid;
  const defaultBranch = str(project?.default_branch);
  if (
    typeof number !== 'number' ||
    (defaultBranch && str(mr.target_branch) !== defaultBranch)
  )
    return undefined;
  const projectId = project?.id;
  return {
    source: 'gitlab',
    repository,
    number,
    ...(typeof projectId === 'number' || typeof projectId === 'string'
      ? { projectId: String(projectId) }
      : {}),
    // No head sha: GitLab's push hook stores only the default branch, so
    // there are no head-branch pushes to walk, and walking back from a
    // rebased (fast-forwarded) head would take the default branch's older
    // commits for the merge request's.
  };
}

// GitHub's pull request commit list stops at 250 too.
const MAX_HEAD_COMMITS = 250;

/**
 * Without API access, a merged pull request's commits are the stored commits
 * pushed to its head branch: from its head sha along first parents, as many
 * as the pull request had (a merge of the default branch into the head
 * branch is one of them, the commits it brought are not). The walk stops at
 * an unknown commit or one that belongs to another pull request.
 */
export async function headBranchCommits(
  pr: MergedPullRequestDelivery,
  changes: (
    repository: string,
    shas: string[],
  ) => Promise<Map<string, ChangeInput>>,
): Promise<ChangeInput[]> {
  const found: ChangeInput[] = [];
  const limit = Math.min(pr.commitCount ?? MAX_HEAD_COMMITS, MAX_HEAD_COMMITS);
  let sha = pr.headSha;
  while (sha && found.length < limit) {
    const change = (await changes(pr.repository, [sha])).get(sha);
    if (!change) break;
    if (change.pullRequest && change.pullRequest.number !== pr.number) break;
    found.push(change);
    sha = change.parents?.[0];
  }
  return found;
}

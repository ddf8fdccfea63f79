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

/*
 * Reverts, recognised at ingestion from the words git and the providers
 * write. Only what is reverted (a sha, a pull / merge request number) is
 * kept; the message, title and body are dropped here.
 */

/** What a change or pull request reverts. */
export type Reverted = {
  /** The reverted commit, as written (full or abbreviated), lower case. */
  sha?: string;
  /** The reverted pull / merge request of the same repository. */
  pullRequest?: number;
};

// `git revert` writes "This reverts commit <full sha>." on its own line;
// people and tools shorten the sha or drop the period.
const REVERTS_COMMIT = /\bThis reverts commit ([0-9a-f]{7,64})\b/i;

// GitLab's revert button: "This reverts merge request !123", the reference
// qualified with the project when it is another one.
const REVERTS_MERGE_REQUEST =
  /\bThis reverts merge request ([\w.\-/]+)?!(\d{1,10})\b/i;

// GitHub's revert button: title `Revert "..."`, body `Reverts owner/repo#123`.
const REVERTS_PULL_REQUEST =
  /(?:^|\s)Reverts ([\w.\-]+\/[\w.\-]+)?#(\d{1,10})\b/im;

const REVERT_TITLE = /^\s*Revert\s+"/i;

const MAX_NUMBER = 2_147_483_647;

function sameRepository(named: string | undefined, repository: string) {
  if (!named) return true;
  return (
    named.replace(/\/$/, '').toLocaleLowerCase('en-US') ===
    repository.toLocaleLowerCase('en-US')
  );
}

function number(digits: string): number | undefined {
  const n = Number(digits);
  return n > 0 && n <= MAX_NUMBER ? n : undefined;
}

/**
 * What a commit message says it reverts: the commit `git revert` names, or
 * the merge request GitLab's revert button names (`repository` tells a
 * reference to another project, which is left out). `undefined` when it is
 * not a revert.
 */
export function revertOfCommitMessage(
  message: string | undefined,
  repository: string,
): Reverted | undefined {
  if (!message) return undefined;
  const commit = REVERTS_COMMIT.exec(message);
  if (commit) return { sha: commit[1].toLowerCase() };
  const mr = REVERTS_MERGE_REQUEST.exec(message);
  if (mr && sameRepository(mr[1], repository)) {
    const n = number(mr[2]);
    if (n !== undefined) return { pullRequest: n };
  }
  return undefined;
}

/**
 * What a pull / merge request titled `Revert "..."` reverts, as its body
 * names it: GitHub's `Reverts owner/repo#123`, GitLab's `This reverts merge
 * request !123`, or a `This reverts commit <sha>` line. A body naming
 * nothing, or another repository's pull request, is not a revert we can use.
 */
export function revertOfPullRequest(
  title: string | undefined,
  body: string | undefined,
  repository: string,
): Reverted | undefined {
  if (!title || !REVERT_TITLE.test(title) || !body) return undefined;
  const pr = REVERTS_PULL_REQUEST.exec(body);
  if (pr && sameRepository(pr[1], repository)) {
    const n = number(pr[2]);
    if (n !== undefined) return { pullRequest: n };
  }
  return revertOfCommitMessage(body, repository);
}

/** The change or pull request fields that store what `reverted` names. */
export function revertFields(reverted: Reverted | undefined): {
  revertOf?: string;
  revertOfPullRequest?: number;
} {
  return {
    ...(reverted?.sha ? { revertOf: reverted.sha } : {}),
    ...(reverted?.pullRequest !== undefined
      ? { revertOfPullRequest: reverted.pullRequest }
      : {}),
  };
}

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
import { IsAutomatedAuthor } from '../ingest/automatedAuthors';
import {
  MergedPullRequest,
  PullRequestCommitReader,
} from '../ingest/pullRequestCommits';
import { GithubAccess } from './githubAccess';
import { pullRequestCommits } from './githubApi';
import { linkUrl, ProviderHttp } from './ProviderHttp';

const PER_PAGE = 100;

/**
 * Every page of a pull request's commits (GitHub lists at most 250), through
 * the provider HTTP client and its rate-limit handling.
 */
export async function readGithubPullRequestCommits(
  deps: {
    http: ProviderHttp;
    access: GithubAccess;
    isAutomated?: IsAutomatedAuthor;
  },
  repository: string,
  number: number,
  signal?: AbortSignal,
): Promise<ChangeInput[]> {
  const { apiBaseUrl, headers } = await deps.access(repository);
  let url: string | undefined = `${apiBaseUrl.replace(
    /\/$/,
    '',
  )}/repos/${repository}/pulls/${number}/commits?per_page=${PER_PAGE}`;
  const commits: ChangeInput[] = [];
  // Bounded: a Link header that loops cannot keep the caller forever.
  for (let page = 0; url && page < 100; page++) {
    const answer: Awaited<ReturnType<ProviderHttp['getJson']>> =
      await deps.http.getJson(
        url,
        { Accept: 'application/vnd.github+json', ...headers },
        signal,
      );
    commits.push(
      ...pullRequestCommits(repository, number, answer.body, deps.isAutomated),
    );
    url = linkUrl(answer.headers.get('link'), 'next');
  }
  return commits;
}

/**
 * GitHub's reader of a merged pull request's commits. Without a token or
 * app for the host it answers `undefined`, and the caller falls back to
 * the commits pushed to the head branch.
 */
export class GithubPullRequestCommitReader implements PullRequestCommitReader {
  readonly source = 'github';

  constructor(
    private readonly deps: {
      http: ProviderHttp;
      access: GithubAccess | undefined;
      isAutomated?: IsAutomatedAuthor;
    },
  ) {}

  async commitsOf(pr: MergedPullRequest): Promise<ChangeInput[] | undefined> {
    const { access } = this.deps;
    if (!access) return undefined;
    return readGithubPullRequestCommits(
      { ...this.deps, access },
      pr.repository,
      pr.number,
    );
  }
}

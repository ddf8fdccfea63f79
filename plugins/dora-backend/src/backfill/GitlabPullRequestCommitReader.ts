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

import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ChangeInput } from '@dora-metrics/plugin-dora-common';
import { readDoraConfig } from '../config';
import {
  automatedAuthorMatcher,
  IsAutomatedAuthor,
} from '../ingest/automatedAuthors';
import {
  MergedPullRequest,
  PullRequestCommitReader,
} from '../ingest/pullRequestCommits';
import { gitlabAccessFromConfig, gitlabGet } from './gitlabAccess';
import {
  commitChanges,
  GitlabAccess,
  nextPageUrl,
  projectPath,
} from './gitlabApi';
import { ProviderHttp } from './ProviderHttp';

const PER_PAGE = 100;

/**
 * The commits of a merged GitLab merge request, every page of
 * `GET /projects/:id/merge_requests/:iid/commits`, attached to the merge
 * request by its iid. For a squash merge these are the commits the squash
 * replaced; for a rebase merge, the rebased commits that reached the branch.
 */
export class GitlabPullRequestCommitReader implements PullRequestCommitReader {
  readonly source = 'gitlab';

  constructor(
    private readonly deps: {
      http: ProviderHttp;
      access: GitlabAccess;
      isAutomated?: IsAutomatedAuthor;
    },
  ) {}

  async commitsOf(
    pr: MergedPullRequest,
    signal?: AbortSignal,
  ): Promise<ChangeInput[] | undefined> {
    if (pr.source !== this.source) return undefined;
    const target = await this.deps.access(pr.repository);
    if (!target) return undefined;
    const changes: ChangeInput[] = [];
    let url: string | undefined = `${target.apiBaseUrl}${projectPath(
      pr.repository,
      pr.projectId,
    )}/merge_requests/${pr.number}/commits?per_page=${PER_PAGE}`;
    while (url) {
      const page = await gitlabGet(
        this.deps.http,
        this.deps.access,
        pr.repository,
        url,
        signal,
      );
      changes.push(
        ...commitChanges(pr.repository, page.body, {
          pullRequest: pr.number,
          isAutomated: this.deps.isAutomated,
        }),
      );
      url = nextPageUrl(url, page.headers);
    }
    return changes;
  }
}

/**
 * The GitLab merge request commit reader for the host of
 * `dora.backfill.gitlab.host` (default `gitlab.com`), with the token of its
 * `integrations.gitlab` entry; undefined when that entry has no token.
 */
export function createGitlabPullRequestCommitReader(
  config: Config,
  logger: LoggerService,
  options: { http?: ProviderHttp } = {},
): GitlabPullRequestCommitReader | undefined {
  const dora = readDoraConfig(config);
  const host = dora.backfill.gitlabHost;
  const access = gitlabAccessFromConfig(config, host);
  if (!access) {
    logger.info(
      `DORA: no integrations.gitlab token for ${host}, merge request commits are not read from GitLab`,
    );
    return undefined;
  }
  return new GitlabPullRequestCommitReader({
    http: options.http ?? new ProviderHttp({ logger }),
    access,
    isAutomated: automatedAuthorMatcher(dora.automatedAuthors),
  });
}

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
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { DoraConfig } from '../config';
import { automatedAuthorMatcher } from '../ingest/automatedAuthors';
import { PullRequestCommitReader } from '../ingest/pullRequestCommits';
import { githubAccessFromConfig } from './githubAccess';
import { GithubPullRequestCommitReader } from './GithubPullRequestCommits';
import { createGitlabPullRequestCommitReader } from './GitlabPullRequestCommitReader';
import { ProviderHttp } from './ProviderHttp';

/**
 * The readers of merged pull / merge requests' commits, one per `source`,
 * with the credentials the backfill uses (Backstage's `integrations`).
 * A provider without credentials still has its reader, which answers that it
 * cannot read, so that webhooks fall back to the head branch's pushes.
 */
export function createPullRequestCommitReaders(options: {
  rootConfig?: RootConfigService;
  config: DoraConfig;
  http: ProviderHttp;
  logger: LoggerService;
}): PullRequestCommitReader[] {
  const { rootConfig, config, http, logger } = options;
  const host = config.backfill.githubHost;
  const access = rootConfig
    ? githubAccessFromConfig(rootConfig, host)
    : undefined;
  if (!access) {
    logger.info(
      `DORA: no integrations.github token or app for ${host}; a merged pull request's commits are taken from the pushes to its head branch`,
    );
  }
  const readers: PullRequestCommitReader[] = [
    new GithubPullRequestCommitReader({
      http,
      access,
      isAutomated: automatedAuthorMatcher(config.automatedAuthors),
    }),
  ];
  const gitlab = rootConfig
    ? createGitlabPullRequestCommitReader(rootConfig, logger, { http })
    : undefined;
  if (gitlab) readers.push(gitlab);
  return readers;
}

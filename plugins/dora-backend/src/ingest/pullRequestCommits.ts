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

/** A merged pull or merge request whose commits a provider API can list. */
export type MergedPullRequest = {
  /** `github` or `gitlab`. */
  source: string;
  /** As the webhooks name it: `owner/name` or the GitLab project path. */
  repository: string;
  /** GitHub's pull request number, GitLab's merge request `iid`. */
  number: number;
  /** GitLab's numeric project id, when the event gives it. */
  projectId?: string;
};

/**
 * Reads the commits of a merged pull / merge request from the provider's API
 * (GitHub `pulls/{n}/commits`, GitLab merge request commits), every page, as
 * change inputs carrying `pullRequest.number`. Answers `undefined` when no
 * credentials are configured for the repository's host, so the caller can
 * fall back to the commits it saw pushed to the head branch.
 */
export interface PullRequestCommitReader {
  readonly source: string;
  commitsOf(pr: MergedPullRequest): Promise<ChangeInput[] | undefined>;
}

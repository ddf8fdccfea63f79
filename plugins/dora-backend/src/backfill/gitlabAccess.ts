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

import { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { GitlabAccess } from './gitlabApi';
import { ProviderHttp } from './ProviderHttp';

/**
 * API access to the GitLab host from Backstage's `integrations.gitlab`
 * entry for it (`apiBaseUrl`, `token`), or undefined when that entry has no
 * token: anonymous access sees public projects only, not a history to count.
 */
export function gitlabAccessFromConfig(
  rootConfig: Config,
  host: string,
): GitlabAccess | undefined {
  const gitlab = ScmIntegrations.fromConfig(rootConfig).gitlab.byHost(host);
  const token = gitlab?.config.token;
  if (!gitlab || !token) return undefined;
  const apiBaseUrl = gitlab.config.apiBaseUrl.replace(/\/$/, '');
  // GitLab's header for personal, project and group access tokens.
  const access = { apiBaseUrl, headers: { 'PRIVATE-TOKEN': token } };
  return async () => access;
}

/** GETs one page of a GitLab API URL with the project's credentials. */
export async function gitlabGet(
  http: ProviderHttp,
  access: GitlabAccess,
  repository: string,
  url: string,
  signal?: AbortSignal,
) {
  const target = await access(repository);
  if (!target) {
    throw new Error(`no GitLab credentials for ${repository}`);
  }
  return http.getJson(
    url,
    { Accept: 'application/json', ...target.headers },
    signal,
  );
}

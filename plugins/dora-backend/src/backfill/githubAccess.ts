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
import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';

/** Where API calls for a repository go, and with which headers. */
export type GithubAccess = (
  repository: string,
) => Promise<{ apiBaseUrl: string; headers: Record<string, string> }>;

/**
 * API access to the repositories of one GitHub host, from Backstage's
 * `integrations.github` (a token, or GitHub Apps; the API base URL), or
 * undefined when that host has neither: Backstage adds an anonymous
 * github.com integration by default, and anonymous API access is limited
 * to 60 requests an hour, too little to rely on.
 */
export function githubAccessFromConfig(
  rootConfig: RootConfigService,
  host: string,
): GithubAccess | undefined {
  const integrations = ScmIntegrations.fromConfig(rootConfig);
  const github = integrations.github.byHost(host);
  if (!github || !(github.config.token || github.config.apps?.length))
    return undefined;
  const credentials =
    DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  const apiBaseUrl = github.config.apiBaseUrl ?? 'https://api.github.com';
  return async repository => {
    const { headers } = await credentials.getCredentials({
      url: `https://${host}/${repository}`,
    });
    return { apiBaseUrl, headers: headers ?? {} };
  };
}

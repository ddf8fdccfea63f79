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

import { automatedAuthorMatcher } from '../ingest/automatedAuthors';
import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { DoraConfig } from '../config';
import { StoredEvents } from '../database/storedEvents';
import { GithubBackfill } from './GithubBackfill';
import { gitlabAccessFromConfig } from './gitlabAccess';
import { GitlabBackfill } from './GitlabBackfill';
import { githubAccessFromConfig } from './githubAccess';
import { PagerDutyBackfill } from './PagerDutyBackfill';
import { ProviderHttp } from './ProviderHttp';
import { BackfillSource } from '@dora-metrics/plugin-dora-node';

/**
 * The providers the backfill can read, from Backstage's `integrations`
 * config (GitHub apps or tokens, GitLab tokens, API base URLs) and
 * `dora.pagerduty`. A
 * provider without configuration is left out, with a log line saying so.
 */
export function createBackfillSources(options: {
  rootConfig: RootConfigService;
  config: DoraConfig;
  http: ProviderHttp;
  stored: StoredEvents;
  catalogIndex: CatalogIndexProvider;
  logger: LoggerService;
}): BackfillSource[] {
  const { rootConfig, config, http, stored, catalogIndex, logger } = options;
  const sources: BackfillSource[] = [];
  const isAutomated = automatedAuthorMatcher(config.automatedAuthors);
  /** Production environment names (lower case) of a repository's entities. */
  const productionEnvironments = async (repository: string) => {
    const index = await catalogIndex.get();
    const names = new Set(
      config.productionEnvironments.map(e => e.toLowerCase()),
    );
    for (const e of index.byRepositoryName(repository)) {
      e.productionEnvironments?.forEach(n => names.add(n.toLowerCase()));
    }
    return [...names];
  };

  const host = config.backfill.githubHost;
  const access = githubAccessFromConfig(rootConfig, host);
  if (access) {
    sources.push(
      new GithubBackfill({
        http,
        stored,
        isAutomated,
        access,
        productionEnvironments,
      }),
    );
  } else {
    logger.info(
      `DORA backfill: no integrations.github token or app for ${host}, GitHub history is not read`,
    );
  }

  const gitlabHost = config.backfill.gitlabHost;
  const gitlabAccess = gitlabAccessFromConfig(rootConfig, gitlabHost);
  if (gitlabAccess) {
    sources.push(
      new GitlabBackfill({
        http,
        access: gitlabAccess,
        isAutomated,
        productionEnvironments,
      }),
    );
  } else {
    logger.info(
      `DORA backfill: no integrations.gitlab token for ${gitlabHost}, GitLab history is not read`,
    );
  }

  if (config.pagerduty.token) {
    sources.push(
      new PagerDutyBackfill({
        http,
        apiBaseUrl: config.pagerduty.apiBaseUrl,
        token: config.pagerduty.token,
      }),
    );
  } else {
    logger.info(
      'DORA backfill: dora.pagerduty.token is not set, PagerDuty history is not read',
    );
  }
  return sources;
}

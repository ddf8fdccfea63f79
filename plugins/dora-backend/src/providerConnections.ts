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

import { automatedAuthorMatcher } from './ingest/automatedAuthors';
import { BackfillSource } from '@dora-metrics/plugin-dora-node';
import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogIndexProvider } from './attribution/CatalogIndexProvider';
import { BackfillService } from './backfill/BackfillService';
import { createBackfillSources } from './backfill/createBackfillSources';
import { createPullRequestCommitReaders } from './backfill/createPullRequestCommitReaders';
import { ProviderHttp } from './backfill/ProviderHttp';
import { DoraConfig } from './config';
import { IngestService } from './ingest/IngestService';
import { ObservationIngest } from './ingest/ObservationIngest';
import { DatabaseDoraStore } from './database/DatabaseDoraStore';
import { WebhookIngestor } from './webhooks/WebhookIngestor';

/**
 * Wires the provider side (webhook subscriber and backfill) on top of the
 * ingest service, with the provider stores of the plugin's database.
 */
export async function createProviderConnections(deps: {
  store: Pick<
    DatabaseDoraStore,
    'storedEvents' | 'mergeTransaction' | 'webhookDeliveries' | 'backfillState'
  >;
  config: DoraConfig;
  rootConfig?: RootConfigService;
  logger: LoggerService;
  ingest: IngestService;
  catalogIndex: CatalogIndexProvider;
  http?: ProviderHttp;
  /** Backfill sources that modules added, run after the built-in ones. */
  moduleBackfillSources?: BackfillSource[];
  /** Clock of the backfill's run window (tests fix it). */
  now?: () => number;
}) {
  const stored = deps.store.storedEvents;
  const observations = new ObservationIngest({
    ingest: deps.ingest,
    merges: deps.store,
    catalogIndex: deps.catalogIndex,
    logger: deps.logger,
  });
  const http = deps.http ?? new ProviderHttp({ logger: deps.logger });
  const webhooks = new WebhookIngestor({
    observations,
    deliveries: deps.store.webhookDeliveries,
    logger: deps.logger,
    isAutomated: automatedAuthorMatcher(deps.config.automatedAuthors),
    pullRequestCommits: createPullRequestCommitReaders({
      rootConfig: deps.rootConfig,
      config: deps.config,
      http,
      logger: deps.logger,
    }),
    storedChanges: (repository, shas) => stored.changes(repository, shas),
  });
  const builtInSources = deps.rootConfig
    ? createBackfillSources({
        rootConfig: deps.rootConfig,
        config: deps.config,
        http,
        stored,
        catalogIndex: deps.catalogIndex,
        logger: deps.logger,
      })
    : [];
  const backfill = new BackfillService({
    sources: [...builtInSources, ...(deps.moduleBackfillSources ?? [])],
    state: deps.store.backfillState,
    observations,
    catalogIndex: deps.catalogIndex,
    logger: deps.logger,
    lookbackMs: deps.config.backfill.lookbackMs,
    now: deps.now,
  });
  return { webhooks, backfill, observations, stored };
}

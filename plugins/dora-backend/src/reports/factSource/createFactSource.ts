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
import { DoraConfig } from '../../config';
import { DoraStore } from '../../database/types';
import { CachedFactSource } from './CachedFactSource';
import { DatabaseFactSource } from './DatabaseFactSource';
import { FactSource } from './types';

/**
 * The fact source of the reports: the database behind a cache of
 * `dora.reports.cacheMiB`, or the database alone when that is 0.
 */
export function createFactSource(deps: {
  store: Pick<DoraStore, 'loadFacts' | 'factRevisions'>;
  config: Pick<DoraConfig, 'reportCacheBytes'>;
  logger: LoggerService;
}): FactSource {
  const database = new DatabaseFactSource(deps.store);
  if (deps.config.reportCacheBytes <= 0) return database;
  return new CachedFactSource({
    database,
    maxBytes: deps.config.reportCacheBytes,
    logger: deps.logger,
  });
}

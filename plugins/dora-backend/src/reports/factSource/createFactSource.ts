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

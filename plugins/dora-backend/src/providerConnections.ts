import {
  DatabaseService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogIndexProvider } from './attribution/CatalogIndexProvider';
import { BackfillService } from './backfill/BackfillService';
import { BackfillStateStore } from './database/BackfillStateStore';
import { createBackfillSources } from './backfill/createBackfillSources';
import { ProviderHttp } from './backfill/ProviderHttp';
import { DoraConfig } from './config';
import { IngestService } from './ingest/IngestService';
import { ObservationIngest } from './ingest/ObservationIngest';
import { PullRequestStore } from './database/pullRequests';
import { StoredEvents } from './database/storedEvents';
import { WebhookDeliveryStore } from './database/webhookDeliveries';
import { WebhookIngestor } from './webhooks/WebhookIngestor';

/**
 * Wires the provider side (webhook subscriber and backfill) on top of the
 * ingest service. Expects the plugin's migrations to have run.
 */
export async function createProviderConnections(deps: {
  database: DatabaseService;
  config: DoraConfig;
  rootConfig?: RootConfigService;
  logger: LoggerService;
  ingest: IngestService;
  catalogIndex: CatalogIndexProvider;
  http?: ProviderHttp;
  /** Clock of the backfill's run window (tests fix it). */
  now?: () => number;
}) {
  const db = await deps.database.getClient();
  const stored = new StoredEvents(db);
  const observations = new ObservationIngest({
    ingest: deps.ingest,
    stored,
    pullRequests: new PullRequestStore(db),
    catalogIndex: deps.catalogIndex,
    logger: deps.logger,
  });
  const webhooks = new WebhookIngestor({
    observations,
    deliveries: new WebhookDeliveryStore(db),
    logger: deps.logger,
  });
  const http = deps.http ?? new ProviderHttp({ logger: deps.logger });
  const sources = deps.rootConfig
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
    sources,
    state: new BackfillStateStore(db),
    observations,
    catalogIndex: deps.catalogIndex,
    logger: deps.logger,
    lookbackMs: deps.config.backfill.lookbackMs,
    now: deps.now,
  });
  return { webhooks, backfill, observations, stored };
}

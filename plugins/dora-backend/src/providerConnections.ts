import { BackfillSource } from '@dora-metrics/plugin-dora-node';
import {
  DatabaseService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogIndexProvider } from './attribution/CatalogIndexProvider';
import { BackfillService } from './backfill/BackfillService';
import { BackfillStateStore } from './backfill/BackfillStateStore';
import { createBackfillSources } from './backfill/createBackfillSources';
import { ProviderHttp } from './backfill/ProviderHttp';
import { DoraConfig } from './config';
import { IngestService } from './ingest/IngestService';
import { ObservationIngest } from './ingest/ObservationIngest';
import { PullRequestStore } from './store/pullRequests';
import { StoredEvents } from './store/storedEvents';
import { WebhookDeliveryStore } from './store/webhookDeliveries';
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
  /** Backfill sources that modules added, run after the built-in ones. */
  moduleBackfillSources?: BackfillSource[];
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
    state: new BackfillStateStore(db),
    observations,
    catalogIndex: deps.catalogIndex,
    logger: deps.logger,
    lookbackMs: deps.config.backfill.lookbackMs,
    now: deps.now,
  });
  return { webhooks, backfill, observations, stored };
}

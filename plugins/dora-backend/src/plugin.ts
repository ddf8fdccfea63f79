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
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { doraPermissions } from '@dora-metrics/plugin-dora-common';
import { doraIngestExtensionPoint } from '@dora-metrics/plugin-dora-node';
import { CatalogIndexProvider } from './attribution/CatalogIndexProvider';
import { readDoraConfig } from './config';
import { DoraExtensions } from './extensions/DoraExtensions';
import { createIngestConnection } from './extensions/ingestConnection';
import { WEBHOOK_TOPICS } from './webhooks/WebhookIngestor';
import { IngestService } from './ingest/IngestService';
import {
  BUILT_IN_SOURCES,
  SourceWritePolicy,
} from './ingest/SourceWritePolicy';
import { FactDeriver } from './reconcile/FactDeriver';
import { CatalogAccess } from './reports/CatalogAccess';
import { DataQualityService } from './reports/DataQualityService';
import { ReportService } from './reports/ReportService';
import { TemplateReportService } from './reports/TemplateReportService';
import { createFactSource } from './reports/factSource/createFactSource';
import { createRouter } from './service/createRouter';
import { DatabaseDoraStore } from './database/DatabaseDoraStore';
import { createProviderConnections } from './providerConnections';

/**
 * The DORA metrics backend plugin: push API, attribution, store, metrics.
 *
 * @public
 */
export const doraPlugin = createBackendPlugin({
  pluginId: 'dora',
  register(env) {
    const extensions = new DoraExtensions();
    env.registerExtensionPoint(
      doraIngestExtensionPoint,
      extensions.extensionPoint,
    );
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
      },
      async init(deps) {
        const { logger, scheduler, catalog, auth } = deps;
        const config = readDoraConfig(deps.config);
        const store = await DatabaseDoraStore.create({
          database: deps.database,
        });
        const catalogIndex = new CatalogIndexProvider(
          { catalog, auth, logger },
          config.catalogRefreshMs,
        );
        const deriver = new FactDeriver({
          store,
          catalogIndex,
          config,
          logger,
          storedEvents: store.storedEvents,
          leases: store.leases,
        });
        const moduleBackfillSources = extensions.backfillSources();
        const ingest = new IngestService({
          store,
          catalogIndex,
          deriver,
          logger,
          sourcePolicy: new SourceWritePolicy({
            reservedSources: [
              ...BUILT_IN_SOURCES,
              ...moduleBackfillSources.map(s => s.source),
            ],
            principals: config.ingest.principals,
          }),
          entityKinds: config.ingest.entityKinds,
        });
        const access = new CatalogAccess({ catalog, auth, catalogIndex });
        const reportDeps = { store, access, catalogIndex, config };
        const facts = createFactSource({ store, config, logger });
        const reports = new ReportService({ ...reportDeps, facts });
        const templates = new TemplateReportService({ ...reportDeps, facts });
        const dataQuality = new DataQualityService(reportDeps);

        const { webhooks, backfill } = await createProviderConnections({
          ...deps,
          store,
          rootConfig: deps.config,
          config,
          ingest,
          catalogIndex,
          moduleBackfillSources,
        });
        // Webhooks arrive through the events backend's HTTP ingress, which
        // checks their signatures; this plugin only subscribes.
        await deps.events.subscribe({
          id: 'dora-webhooks',
          topics: [...WEBHOOK_TOPICS],
          onEvent: params => webhooks.handle(params),
        });

        deps.permissionsRegistry.addPermissions(doraPermissions);
        deps.httpRouter.use(
          await createRouter({
            ...deps,
            backfill,
            ingest,
            reports,
            templates,
            dataQuality,
            access,
            deriver,
            store,
            config,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });

        // Global scope: with several replicas, one of them runs each cadence.
        await scheduler.scheduleTask({
          id: 'dora-reconcile',
          scope: 'global',
          frequency: config.reconcileFrequency,
          timeout: { minutes: 30 },
          initialDelay: { seconds: 30 },
          fn: async () => {
            await deriver.reconcile();
          },
        });

        if (config.backfill.enabled) {
          await scheduler.scheduleTask({
            id: 'dora-backfill',
            scope: 'global',
            frequency: config.backfill.frequency,
            timeout: { hours: 3 },
            initialDelay: { minutes: 2 },
            fn: async signal => {
              await backfill.run(signal);
            },
          });
        }

        // Modules' providers push through the same ingest path as the API.
        await extensions.connectProviders(
          createIngestConnection(ingest),
          logger,
        );
      },
    });
  },
});

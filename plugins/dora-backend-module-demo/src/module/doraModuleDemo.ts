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
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { doraIngestExtensionPoint } from '@dora-metrics/plugin-dora-node';
import { readDemoConfig } from '../config';
import { DemoSeeder } from '../demo/DemoSeeder';

/**
 * Fills the DORA plugin with simulated history for the catalog entities that
 * carry the `dora-metrics/demo-profile` annotation, when `dora.demo.enabled`
 * is true. For demo installs only.
 *
 * @public
 */
export const doraModuleDemo = createBackendModule({
  pluginId: 'dora',
  moduleId: 'demo',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        dora: doraIngestExtensionPoint,
      },
      async init({ config, logger, auth, lifecycle, catalog, dora }) {
        const demo = readDemoConfig(config);
        if (!demo.enabled) return;
        const seeder = new DemoSeeder({ catalog, auth, logger }, demo);
        dora.addIngestProvider(seeder);
        // After startup: the catalog fills in the background, and waiting
        // for the demo entities must not hold up the backend's start; nor
        // may the wait outlive the backend.
        const shutdown = new AbortController();
        lifecycle.addShutdownHook(() => shutdown.abort());
        lifecycle.addStartupHook(() => {
          seeder.seed(new Date(), shutdown.signal).catch(error => {
            if (!shutdown.signal.aborted) {
              logger.error(`DORA demo: seeding failed: ${error}`);
            }
          });
        });
      },
    });
  },
});

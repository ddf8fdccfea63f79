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

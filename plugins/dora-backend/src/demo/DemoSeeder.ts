import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GITLAB_PROJECT_SLUG_ANNOTATION,
  MAX_BATCH_SIZE,
  PAGERDUTY_SERVICE_ID_ANNOTATION,
} from '@dora-metrics/plugin-dora-common';
import { IngestService } from '../ingest/IngestService';
import { chunks } from '../lib/chunks';
import {
  DemoProfile,
  DemoService,
  generateDemoHistory,
} from './generateDemoHistory';

/** Marks a demo catalog entity and the delivery performance to simulate for it. */
export const DEMO_PROFILE_ANNOTATION = 'dora-metrics/demo-profile';

const PROFILES: readonly DemoProfile[] = ['elite', 'high', 'medium', 'low'];

/**
 * Fills an empty demo install with simulated history: waits for the demo
 * entities to reach the catalog, generates their history, and pushes it
 * through the same ingest path as the push API.
 */
export class DemoSeeder {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      ingest: IngestService;
      logger: LoggerService;
    },
    private readonly options: {
      days: number;
      seed: number;
      waitMs?: number;
      pollMs?: number;
    },
  ) {}

  async demoServices(): Promise<DemoService[]> {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${DEMO_PROFILE_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    return items.flatMap(entity => {
      const annotations = entity.metadata.annotations ?? {};
      const profile = annotations[DEMO_PROFILE_ANNOTATION] as DemoProfile;
      if (!PROFILES.includes(profile)) return [];
      return [
        {
          entityRef: stringifyEntityRef(entity),
          repository:
            annotations[GITHUB_PROJECT_SLUG_ANNOTATION] ??
            annotations[GITLAB_PROJECT_SLUG_ANNOTATION],
          pagerDutyServiceId: annotations[PAGERDUTY_SERVICE_ID_ANNOTATION],
          profile,
        },
      ];
    });
  }

  /** Waits until the catalog has the demo entities and no more keep arriving. */
  private async waitForServices(): Promise<DemoService[]> {
    const { waitMs = 300_000, pollMs = 5_000 } = this.options;
    const deadline = Date.now() + waitMs;
    let previous = -1;
    for (;;) {
      const services = await this.demoServices();
      if (services.length > 0 && services.length === previous) return services;
      if (Date.now() > deadline) return services;
      previous = services.length;
      await new Promise(resolve => setTimeout(resolve, pollMs));
    }
  }

  async seed(now = new Date()): Promise<void> {
    const services = await this.waitForServices();
    if (services.length === 0) {
      this.deps.logger.warn(
        `DORA demo: no catalog entity has the ${DEMO_PROFILE_ANNOTATION} annotation; nothing to simulate`,
      );
      return;
    }
    const history = generateDemoHistory({
      services,
      now,
      days: this.options.days,
      seed: this.options.seed,
    });
    const { ingest } = this.deps;
    // Commits first, so that deployments find their history when derived.
    await this.pushAll(history.changes, changes =>
      ingest.ingestChanges({ changes }),
    );
    await this.pushAll(history.deployments, deployments =>
      ingest.ingestDeployments({ deployments }),
    );
    await this.pushAll(history.incidents, incidents =>
      ingest.ingestIncidents({ incidents }),
    );
    this.deps.logger.info(
      `DORA demo: simulated ${this.options.days} days for ${services.length} services: ` +
        `${history.deployments.length} deployments, ${history.changes.length} commits, ` +
        `${history.incidents.length} incidents`,
    );
  }

  private async pushAll<T>(
    items: T[],
    push: (batch: T[]) => Promise<{ rejected: unknown[] }>,
  ) {
    for (const batch of chunks(items, MAX_BATCH_SIZE)) {
      const result = await push(batch);
      if (result.rejected.length > 0) {
        this.deps.logger.warn(
          `DORA demo: ${result.rejected.length} generated items rejected`,
        );
      }
    }
  }
}

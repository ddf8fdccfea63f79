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

import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GITLAB_PROJECT_SLUG_ANNOTATION,
  IngestResult,
  PAGERDUTY_SERVICE_ID_ANNOTATION,
} from '@dora-metrics/plugin-dora-common';
import {
  DoraIngestConnection,
  DoraIngestProvider,
} from '@dora-metrics/plugin-dora-node';
import {
  DemoProfile,
  DemoService,
  generateDemoHistory,
} from './generateDemoHistory';

/**
 * Marks a demo catalog entity and the delivery performance to simulate for
 * it: `elite`, `high`, `medium` or `low`.
 *
 * @public
 */
export const DEMO_PROFILE_ANNOTATION = 'dora-metrics/demo-profile';

/**
 * On a demo catalog entity, `squash` simulates squash-merged pull requests
 * (see `DemoService.squashMerges`); absent, pull requests are merged or
 * rebased.
 *
 * @public
 */
export const DEMO_MERGE_STYLE_ANNOTATION = 'dora-metrics/demo-merge-style';

const PROFILES: readonly DemoProfile[] = ['elite', 'high', 'medium', 'low'];

/**
 * Fills an empty demo install with simulated history: waits for the demo
 * entities to reach the catalog, generates their history, and pushes it
 * through the DORA plugin's ingest path, the one the push API uses.
 */
export class DemoSeeder implements DoraIngestProvider {
  private connection?: DoraIngestConnection;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
    private readonly options: {
      days: number;
      seed: number;
      waitMs?: number;
      pollMs?: number;
    },
  ) {}

  getProviderName(): string {
    return 'demo';
  }

  async connect(connection: DoraIngestConnection): Promise<void> {
    this.connection = connection;
  }

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
          ...(annotations[DEMO_MERGE_STYLE_ANNOTATION] === 'squash'
            ? { squashMerges: true }
            : {}),
        },
      ];
    });
  }

  /** Waits until the catalog has the demo entities and no more keep arriving. */
  private async waitForServices(signal?: AbortSignal): Promise<DemoService[]> {
    const { waitMs = 300_000, pollMs = 5_000 } = this.options;
    const deadline = Date.now() + waitMs;
    let previous = -1;
    for (;;) {
      const services = await this.demoServices();
      if (services.length > 0 && services.length === previous) return services;
      if (Date.now() > deadline) return services;
      previous = services.length;
      await new Promise(resolve => setTimeout(resolve, pollMs));
      signal?.throwIfAborted();
    }
  }

  /**
   * Run from a startup hook: the plugin has connected by then. `signal`
   * stops the wait for the catalog (the backend shutting down).
   */
  async seed(now = new Date(), signal?: AbortSignal): Promise<void> {
    const ingest = this.connection;
    if (!ingest) {
      throw new Error('the dora plugin has not connected the demo provider');
    }
    const services = await this.waitForServices(signal);
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
    // Commits first, so that deployments find their history when derived.
    this.warnOfRejected(await ingest.pushChanges(history.changes));
    this.warnOfRejected(await ingest.pushDeployments(history.deployments));
    this.warnOfRejected(await ingest.pushIncidents(history.incidents));
    this.deps.logger.info(
      `DORA demo: simulated ${this.options.days} days for ${services.length} services: ` +
        `${history.deployments.length} deployments, ${history.changes.length} commits, ` +
        `${history.incidents.length} incidents`,
    );
  }

  private warnOfRejected(result: IngestResult) {
    if (result.rejected.length > 0) {
      this.deps.logger.warn(
        `DORA demo: ${result.rejected.length} generated items rejected, the first: ${result.rejected[0].reason}`,
      );
    }
  }
}

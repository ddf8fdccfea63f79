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

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { CatalogIndexProvider } from '../../attribution/CatalogIndexProvider';
import { readDoraConfig } from '../../config';
import { IngestService } from '../../ingest/IngestService';
import { computeMetrics } from '../../metrics/computeMetrics';
import { poolOfFacts } from '../../metrics/pool/factPool';
import { Window } from '../../metrics/time';
import { FactDeriver } from '../../reconcile/FactDeriver';
import { CatalogAccess } from '../../reports/CatalogAccess';
import { withLeadTimes } from '../../reports/deploymentList';
import { createFactSource } from '../../reports/factSource/createFactSource';
import { ReportService } from '../../reports/ReportService';
import { DatabaseDoraStore } from '../../database/DatabaseDoraStore';
import { databaseServiceOf } from '../../__testUtils__/testDatabase';
import { attributionRows } from './storedKeys';

/**
 * The plugin's services wired as plugin.ts wires them, minus HTTP: fast
 * enough to build one per property-test run, and the same code paths as
 * the push and read API below the router.
 */
export async function createInProcessDora(knex: Knex, entities: Entity[]) {
  const store = await DatabaseDoraStore.create({
    database: databaseServiceOf(knex),
  });
  const catalog = catalogServiceMock({ entities });
  const auth = mockServices.auth();
  const logger = mockServices.logger.mock();
  const catalogIndex = new CatalogIndexProvider(
    { catalog, auth, logger },
    3_600_000,
  );
  const config = readDoraConfig(
    new ConfigReader({ dora: { timeZone: 'UTC' } }),
  );
  const deriver = new FactDeriver({
    store,
    catalogIndex,
    config,
    logger,
    leases: store.leases,
  });
  const ingest = new IngestService({ store, catalogIndex, deriver, logger });
  const access = new CatalogAccess({ catalog, auth, catalogIndex });
  const reports = new ReportService({
    facts: createFactSource({ store, config, logger }),
    access,
    catalogIndex,
    config,
  });
  return {
    knex,
    store,
    ingest,
    reports,
    deriver,
    config,
    catalogIndex,
    logger,
  };
}

export type InProcessDora = Awaited<ReturnType<typeof createInProcessDora>>;

const stableSort = <T>(items: T[]) =>
  items
    .map(item => JSON.stringify(item))
    .sort()
    .map(text => JSON.parse(text));

/** Every page of a cursor-paginated list, in a canonical order. */
async function allPages<T>(
  list: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  // Events with equal timestamps come in database id order, which depends
  // on arrival order; what they are does not.
  return stableSort(items);
}

/**
 * What a reader can observe of the store: per entity, the metrics report
 * and the deployments and incidents behind it, plus the raw events (without
 * database ids and arrival times), their attributions and data quality.
 */
export async function observe(
  dora: InProcessDora,
  entityRefs: string[],
  window: Window,
) {
  const { store, reports, knex } = dora;
  const credentials = mockCredentials.service();
  const perEntity: Record<string, unknown> = {};
  for (const entityRef of entityRefs) {
    const query = { entityRef, ...window, limit: 7 };
    perEntity[entityRef] = {
      metrics: await reports.entityMetrics(entityRef, 'week', {
        window,
        credentials,
      }),
      deployments: await allPages(async cursor =>
        withLeadTimes(await store.listDeployments({ ...query, cursor })),
      ),
      incidents: await allPages(cursor =>
        store.listIncidents({ ...query, cursor }),
      ),
    };
  }
  const rows = async (table: string) =>
    stableSort(
      (await knex(table).select()).map(
        ({ id: _id, received_at: _r, ...rest }) => rest,
      ),
    );
  const attributions = await attributionRows(knex);
  return {
    perEntity,
    deployments: await rows('dora_deployments'),
    incidents: await rows('dora_incidents'),
    changes: await rows('dora_changes'),
    attributions: stableSort(attributions),
    unattributed: (await store.dataQuality(window.to)).unattributed,
    dirty: await store.dirtyEntities(100),
  };
}

/** The five metrics of one entity straight from the stored facts. */
export async function entityFigures(
  dora: InProcessDora,
  entityRef: string,
  window: Window,
) {
  const facts = await dora.store.loadFacts(
    { entityRefs: [entityRef] },
    window.from,
    window.to,
  );
  return computeMetrics(poolOfFacts(facts), window, {
    timeZone: dora.config.timeZone,
    bands: dora.config.bands,
  });
}

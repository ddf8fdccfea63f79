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

import { Entity } from '@backstage/catalog-model';
import { MAX_BATCH_SIZE } from '@dora-metrics/plugin-dora-common';
import {
  DemoService,
  generateDemoHistory,
} from '@dora-metrics/plugin-dora-backend-module-demo';
import { billingEntity, historyEntities } from './histories';
import { InProcessDora } from './inProcessDora';

/** A service without a repository: its deployments list their commits. */
export const ledgerEntity: Entity = {
  ...billingEntity,
  metadata: { name: 'ledger', annotations: {} },
};
export const demoEntities = [...historyEntities, ledgerEntity];

const DEMO_SERVICES: DemoService[] = [
  {
    entityRef: 'component:default/checkout',
    repository: 'acme/checkout',
    pagerDutyServiceId: 'PCHK001',
    profile: 'high',
  },
  {
    entityRef: 'component:default/billing',
    repository: 'acme/billing',
    profile: 'low',
  },
  { entityRef: 'component:default/ledger', profile: 'elite' },
];
export const demoEntityRefs = DEMO_SERVICES.map(s => s.entityRef);

export const DEMO_NOW = new Date('2026-03-10T00:00:00Z');
const DAY = 86_400_000;
/** The last 28 days (and, for reports, the 28 before them). */
export const demoWindow = {
  from: DEMO_NOW.getTime() - 28 * DAY,
  to: DEMO_NOW.getTime(),
};

/** A small, reproducible demo history: 60 days of three services. */
export const demoHistory = (seed = 7) =>
  generateDemoHistory({
    services: DEMO_SERVICES,
    now: DEMO_NOW,
    days: 60,
    seed,
  });

/** {@link demoHistory}, pushed as the push API would take it. */
export async function fillWithDemoHistory(dora: InProcessDora, seed = 7) {
  const history = demoHistory(seed);
  const totals = { accepted: 0, duplicates: 0, rejected: 0 };
  const push = async (
    items: unknown[],
    ingest: (
      batch: unknown[],
    ) => Promise<{ accepted: number; duplicates: number; rejected: unknown[] }>,
  ) => {
    for (let i = 0; i < items.length; i += MAX_BATCH_SIZE) {
      const result = await ingest(items.slice(i, i + MAX_BATCH_SIZE));
      totals.accepted += result.accepted;
      totals.duplicates += result.duplicates;
      totals.rejected += result.rejected.length;
    }
  };
  await push(history.changes, changes =>
    dora.ingest.ingestChanges({ changes }),
  );
  await push(history.deployments, deployments =>
    dora.ingest.ingestDeployments({ deployments }),
  );
  await push(history.incidents, incidents =>
    dora.ingest.ingestIncidents({ incidents }),
  );
  return {
    events:
      history.changes.length +
      history.deployments.length +
      history.incidents.length,
    ...totals,
  };
}

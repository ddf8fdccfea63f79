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

import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabase';
import {
  demoEntities,
  demoEntityRefs,
  demoWindow,
  fillWithDemoHistory,
} from './__testUtils__/demoFill';
import { createInProcessDora, observe } from './__testUtils__/inProcessDora';
import { printFigures } from './__testUtils__/report';

jest.setTimeout(180_000);

const databases = createTestDatabases();
const directory = resolvePackagePath(
  '@dora-metrics/plugin-dora-backend',
  'migrations',
);
const MIGRATION = '20261129193000_rederive_v2_facts.js';

const EVENT_TABLES = [
  'dora_deployments',
  'dora_changes',
  'dora_incidents',
  'dora_attributions',
  'dora_pull_requests',
];
const FACT_TABLES = [
  'dora_deployment_facts',
  'dora_recovery_facts',
  'dora_incident_facts',
];

/** Every row of `tables`, in a canonical order. */
async function rowsOf(knex: Knex, tables: string[]) {
  const out: Record<string, string[]> = {};
  for (const table of tables)
    out[table] = (await knex(table).select())
      .map(row => JSON.stringify(row))
      .sort();
  return out;
}

describe('upgrading a store to the v2 facts', () => {
  /*
   * A store as the release before this migration leaves it: its events, and
   * facts the older code derived, which the entity state calls current. The
   * older code's facts are stood in for by facts that differ from what the
   * code derives now (failures and recoveries lost, a state row missing):
   * whatever they were, the reconcile after the migration must replace them
   * with the facts derived afresh from the stored events.
   */
  it.each(databases.eachSupportedId())(
    'derives every entity again from the stored events at the next reconcile on %p',
    async id => {
      const knex = await databases.init(id);
      const dora = await createInProcessDora(knex, demoEntities);
      const filled = await fillWithDemoHistory(dora);
      await dora.deriver.reconcile();
      const events = await rowsOf(knex, EVENT_TABLES);
      const fresh = await rowsOf(knex, FACT_TABLES);
      const answers = await observe(dora, demoEntityRefs, demoWindow);
      expect(answers.dirty).toEqual([]);

      await knex.migrate.down({ directory, name: MIGRATION });
      const failed = await knex('dora_deployment_facts')
        .where({ failed: true })
        .update({ failed: false });
      const recoveries = await knex('dora_recovery_facts').delete();
      expect(failed + recoveries).toBeGreaterThan(0);
      await knex('dora_entity_state')
        .where({ entity_ref: 'component:default/ledger' })
        .delete();
      expect(await rowsOf(knex, FACT_TABLES)).not.toEqual(fresh);
      expect(await dora.store.dirtyEntities(100)).toEqual([]);

      await knex.migrate.latest({ directory });
      // Every entity, the one without a state row included, is stale.
      expect(await dora.store.dirtyEntities(100)).toEqual(
        [...demoEntityRefs].sort(),
      );
      const { derived } = await dora.deriver.reconcile();
      expect(derived).toBe(demoEntityRefs.length);
      expect(await rowsOf(knex, FACT_TABLES)).toEqual(fresh);
      expect(await rowsOf(knex, EVENT_TABLES)).toEqual(events);
      expect(await observe(dora, demoEntityRefs, demoWindow)).toEqual(answers);
      printFigures(`re-derive v2 facts on ${id}`, {
        eventsFilled: filled.events,
        entitiesDerived: derived,
        staleFactsRepaired: failed + recoveries,
      });
    },
  );
});

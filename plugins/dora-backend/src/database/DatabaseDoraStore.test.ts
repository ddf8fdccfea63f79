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
import { DEFAULT_BAND_THRESHOLDS } from '@dora-metrics/plugin-dora-common';
import { Knex } from 'knex';
import { deploymentRow } from '../ingest/IngestService';
import { deploymentSchema } from '../ingest/schemas';
import { computeMetrics } from '../metrics/computeMetrics';
import { poolOfFacts } from '../metrics/pool/factPool';
import {
  derived,
  workedExampleRows,
} from '../__testUtils__/storedWorkedExample';
import {
  createTestDatabases,
  createTestStore,
} from '../__testUtils__/testDatabase';
import { workedExample } from '../__testUtils__/workedExample';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const ownerChain = ['group:default/payments', 'group:default/commerce'];
const attributions = [
  { entityRef: workedExample.entityRef, matchedBy: 'entityRef', ownerChain },
];
const { deployments, incidents } = workedExampleRows(attributions);
const window = {
  from: Date.parse(workedExample.window.from),
  to: Date.parse(workedExample.window.to),
};

const productionEnvironments = ['production'];

describe('DatabaseDoraStore', () => {
  it('runs on PostgreSQL and MySQL here, not only SQLite', () => {
    // scripts/test.sh sets both connection strings; in CI a missing one must fail, not skip.
    const env = process.env;
    const expected = [
      'SQLITE_3',
      ...(env.CI || env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
        ? ['POSTGRES_15']
        : []),
      ...(env.CI || env.BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING
        ? ['MYSQL_8']
        : []),
    ];
    expect(databases.eachSupportedId().map(([id]) => id)).toEqual(expected);
  });

  it.each(databases.eachSupportedId())(
    'stores, derives and reads the worked example on %p',
    async id => {
      const { store } = await createTestStore(databases, id);
      const first = await store.upsertDeployments(deployments);
      expect(first.outcomes).toEqual([
        'accepted',
        'accepted',
        'accepted',
        'accepted',
        'accepted',
      ]);
      expect(first.affectedEntities).toEqual([workedExample.entityRef]);
      expect((await store.upsertDeployments(deployments)).outcomes).toEqual(
        Array(5).fill('duplicate'),
      );
      await store.upsertIncidents(incidents);
      expect(await store.dirtyEntities(10)).toEqual([workedExample.entityRef]);

      const [stored] = await store.loadHistories([
        { entityRef: workedExample.entityRef, productionEnvironments },
      ]);
      expect(stored.history.deployments).toHaveLength(5);
      expect(stored.history.deployments[1].commits).toEqual([
        {
          sha: 'c1',
          committedAt: Date.parse('2026-03-02T08:00:00Z'),
          authoredAt: null,
          automated: false,
        },
        {
          sha: 'c2',
          committedAt: Date.parse('2026-03-01T12:00:00Z'),
          authoredAt: null,
          automated: false,
        },
      ]);
      await store.replaceFacts([derived(stored)]);
      expect(await store.dirtyEntities(10)).toEqual([]);

      const options = { timeZone: 'UTC', bands: DEFAULT_BAND_THRESHOLDS };
      for (const scope of [
        { entityRefs: [workedExample.entityRef] },
        { ownerGroup: 'group:default/commerce' },
        { ownerGroup: 'group:default/payments', directOnly: true },
      ]) {
        const facts = await store.loadFacts(scope, window.from, window.to);
        const metrics = computeMetrics(poolOfFacts(facts), window, options);
        expect(metrics.changeFailureRate).toEqual({
          failed: 2,
          total: 4,
          rate: 0.5,
          band: 'low',
        });
        expect(metrics.leadTime.medianHours).toBe(14);
        expect(metrics.recoveryTime.medianHours).toBe(2.75);
        // d0, before the window, starts the history.
        expect(metrics.deploymentFrequency.historyStartsAt).toBe(
          '2026-02-27T10:00:00.000Z',
        );
        // Each deployment is known by one id, whichever entity reads it.
        expect(new Set(facts.deployments.map(d => d.deploymentKey)).size).toBe(
          4,
        );
        expect(
          facts.deployments.every(d => typeof d.deploymentKey === 'number'),
        ).toBe(true);
      }
      const notDirect = await store.loadFacts(
        { ownerGroup: 'group:default/commerce', directOnly: true },
        window.from,
        window.to,
      );
      expect(notDirect.deployments).toEqual([]);
      expect(notDirect.historyStarts.size).toBe(0);

      const page = await store.listDeployments({
        entityRef: workedExample.entityRef,
        ...window,
        limit: 10,
      });
      expect(page.items.map(d => [d.id, d.failed, d.counted])).toEqual([
        ['d4', false, true],
        ['d3', true, true],
        ['d2', true, true],
        ['d1', false, true],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'loads and replaces a batch of entities together, each on its own events, on %p',
    async id => {
      const { store } = await createTestStore(databases, id);
      const worker = 'component:default/checkout-worker';
      // A monorepo: every event belongs to both entities.
      const both = [
        ...attributions,
        { entityRef: worker, matchedBy: 'repository', ownerChain },
      ];
      await store.upsertDeployments(
        deployments.map(d => ({ ...d, attributions: both })),
      );
      await store.upsertIncidents(
        incidents.map(i => ({ ...i, attributions: both })),
      );
      const refs = [worker, workedExample.entityRef];
      const histories = await store.loadHistories(
        refs.map(entityRef => ({ entityRef, productionEnvironments })),
      );
      expect(histories.map(h => h.history.entityRef)).toEqual(refs);
      for (const h of histories) {
        expect(h.history.deployments).toHaveLength(5);
        expect(h.history.incidents).toHaveLength(incidents.length);
        expect(h.version).toBeGreaterThan(0);
      }
      await store.replaceFacts(histories.map(derived));
      expect(await store.dirtyEntities(10)).toEqual([]);
      const never = 'component:default/never-derived';
      const revisions = await store.factRevisions([...refs, never]);
      expect([...revisions.keys()].sort()).toEqual([...refs].sort());

      const options = { timeZone: 'UTC', bands: DEFAULT_BAND_THRESHOLDS };
      const metricsOf = async (entityRef: string) =>
        computeMetrics(
          poolOfFacts(
            await store.loadFacts(
              { entityRefs: [entityRef] },
              window.from,
              window.to,
            ),
          ),
          window,
          options,
        );
      for (const ref of refs) {
        expect((await metricsOf(ref)).changeFailureRate.total).toBe(4);
      }
      // Replacing one entity's facts leaves the other's alone.
      const emptied = derived(histories[0]);
      await store.replaceFacts([
        { ...emptied, facts: { ...emptied.facts, deployments: [] } },
      ]);
      expect((await metricsOf(worker)).changeFailureRate.total).toBe(0);
      // Each replacement changes the revision readers cache facts by.
      const after = await store.factRevisions(refs);
      expect(after.get(worker)).toMatch(/^2\//);
      expect(after.get(worker)).not.toBe(revisions.get(worker));
      expect(after.get(workedExample.entityRef)).toBe(
        revisions.get(workedExample.entityRef),
      );
      expect(
        (await metricsOf(workedExample.entityRef)).changeFailureRate.total,
      ).toBe(4);
    },
  );

  it.each(databases.eachSupportedId())(
    'marks entities of a repository dirty when its commits arrive, on %p',
    async id => {
      const { store } = await createTestStore(databases, id);
      const { commits: _c, ...d } = workedExample.deployments[1];
      await store.upsertDeployments([
        {
          row: deploymentRow(
            deploymentSchema.parse({ ...d, repository: 'acme/checkout' }),
          ),
          attributions,
        },
      ]);
      const [stored] = await store.loadHistories([
        { entityRef: workedExample.entityRef, productionEnvironments },
      ]);
      await store.replaceFacts([derived(stored)]);
      const result = await store.upsertChanges([
        {
          source: 'git',
          repository: 'acme/checkout',
          sha: 'a1',
          committedAt: 1,
          authoredAt: null,
          parents: ['a0'],
          pullRequest: null,
          automated: false,
        },
      ]);
      expect(result).toEqual({
        outcomes: ['accepted'],
        affectedEntities: [workedExample.entityRef],
      });
      expect(await store.dirtyEntities(10)).toEqual([workedExample.entityRef]);
      const [again] = await store.loadHistories([
        { entityRef: workedExample.entityRef, productionEnvironments },
      ]);
      expect(
        again.history.changes.get('acme/checkout')?.get('a1')?.firstParent,
      ).toBe('a0');
    },
  );

  it.each(databases.eachSupportedId())(
    'stores whether a change is automated, and nothing about who made it, on %p',
    async id => {
      const { store, knex } = await createTestStore(databases, id);
      const [, d1] = workedExample.deployments;
      await store.upsertDeployments([
        {
          row: deploymentRow(
            deploymentSchema.parse({
              ...d1,
              repository: 'acme/checkout',
              commits: [
                { ...d1.commits![0], automated: true },
                { ...d1.commits![1], automated: false },
              ],
            }),
          ),
          attributions,
        },
      ]);
      await store.upsertChanges(
        [true, false].map((automated, i) => ({
          source: 'git',
          repository: 'acme/checkout',
          sha: `b${i}`,
          committedAt: 1,
          authoredAt: null,
          parents: [],
          pullRequest: null,
          automated,
        })),
      );
      const [stored] = await store.loadHistories([
        { entityRef: workedExample.entityRef, productionEnvironments },
      ]);
      expect(
        stored.history.deployments[0].commits!.map(c => c.automated),
      ).toEqual([true, false]);
      const changes = stored.history.changes.get('acme/checkout')!;
      expect(changes.get('b0')!.automated).toBe(true);
      expect(changes.get('b1')!.automated).toBe(false);

      // Only the flag: no column for a login, name or email of an author.
      const person = /login|author_name|user|email|username/i;
      for (const table of ['dora_changes', 'dora_deployments']) {
        const columns = Object.keys(await knex(table).columnInfo());
        expect(columns).toContain(
          table === 'dora_changes' ? 'automated' : 'commits',
        );
        expect(columns.filter(c => person.test(c))).toEqual([]);
      }
      const [{ commits }] = await knex('dora_deployments').select('commits');
      expect(JSON.parse(commits)).toEqual([
        expect.objectContaining({ sha: 'c1', automated: true }),
        expect.not.objectContaining({ automated: expect.anything() }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the newer facts when an older derivation commits last on %p',
    async id => {
      // Two replicas derive the same entity after their own writes; the one
      // that loaded its history first may replace the facts last.
      const { store } = await createTestStore(databases, id);
      const entity = {
        entityRef: workedExample.entityRef,
        productionEnvironments,
      };
      await store.upsertDeployments(deployments.slice(0, 2));
      const [older] = await store.loadHistories([entity]);
      await store.upsertDeployments(deployments);
      const [newer] = await store.loadHistories([entity]);
      await store.replaceFacts([derived(newer)]);
      await store.replaceFacts([derived(older)]);

      const facts = await store.loadFacts(
        { entityRefs: [workedExample.entityRef] },
        0,
        Date.parse('2100-01-01T00:00:00Z'),
      );
      expect(facts.deployments).toHaveLength(
        derived(newer).facts.deployments.length,
      );
      expect(derived(older).facts.deployments.length).toBeLessThan(
        facts.deployments.length,
      );
      expect(await store.dirtyEntities(10)).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates up and down on %p',
    async id => {
      const knex: Knex = await databases.init(id);
      const directory = resolvePackagePath(
        '@dora-metrics/plugin-dora-backend',
        'migrations',
      );
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('dora_deployment_facts')).toBe(true);
      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('dora_deployments')).toBe(false);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('dora_deployments')).toBe(true);
    },
  );
});

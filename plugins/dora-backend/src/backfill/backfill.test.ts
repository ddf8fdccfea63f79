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

import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { readDoraConfig } from '../config';
import { IngestService } from '../ingest/IngestService';
import { createProviderConnections } from '../providerConnections';
import { FactDeriver } from '../reconcile/FactDeriver';
import { DatabaseDoraStore } from '../database/DatabaseDoraStore';
import {
  GITHUB_TOKEN,
  PAGERDUTY_TOKEN,
  REPOSITORY,
  SERVICE,
  startFakeProviders,
} from './__testUtils__/fakeProviders';
import { ProviderHttp } from './ProviderHttp';
import {
  createTestDatabases,
  databaseServiceOf,
} from '../__testUtils__/testDatabase';

jest.setTimeout(120_000);

const databases = createTestDatabases();

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: {
      'github.com/project-slug': REPOSITORY,
      'pagerduty.com/service-id': SERVICE,
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

type Fake = Awaited<ReturnType<typeof startFakeProviders>>;

const isPage = (url: string) =>
  /\/(deployments|pulls|incidents)$|\/compare\//.test(new URL(url).pathname);

/** The plugin's backfill on a database, against the fake providers. */
async function backfillOn(knex: Knex, fake: Fake) {
  const logger = mockServices.logger.mock();
  const store = await DatabaseDoraStore.create({
    database: databaseServiceOf(knex),
  });
  const catalogIndex = new CatalogIndexProvider(
    {
      catalog: catalogServiceMock({ entities: [entity] }),
      auth: mockServices.auth(),
      logger,
    },
    60_000,
  );
  const rootConfig = new ConfigReader({
    integrations: {
      github: [
        {
          host: 'github.com',
          apiBaseUrl: `${fake.baseUrl}/github`,
          token: GITHUB_TOKEN,
        },
      ],
    },
    dora: {
      backfill: { lookback: { days: 365 } },
      pagerduty: {
        token: PAGERDUTY_TOKEN,
        apiBaseUrl: `${fake.baseUrl}/pagerduty`,
      },
    },
  });
  const config = readDoraConfig(rootConfig);
  const deriver = new FactDeriver({
    store,
    catalogIndex,
    config,
    logger,
    leases: store.leases,
  });
  const ingest = new IngestService({ store, catalogIndex, deriver, logger });

  const counters = { pages: 0, abortAfter: Infinity };
  const controller = new AbortController();
  const sleeps: number[] = [];
  const http = new ProviderHttp({
    logger,
    now: () => fake.clock.now,
    // Waiting advances the fake providers' clock instead of real time.
    sleep: async ms => {
      sleeps.push(ms);
      fake.clock.now += ms;
    },
    fetch: async (url, init) => {
      const response = await fetch(url, init);
      if (response.ok && isPage(String(url))) {
        counters.pages += 1;
        if (counters.pages >= counters.abortAfter) controller.abort();
      }
      return response;
    },
  });
  const { backfill } = await createProviderConnections({
    store,
    config,
    rootConfig,
    logger,
    ingest,
    catalogIndex,
    http,
    now: () => fake.clock.now,
  });
  return { backfill, counters, controller, sleeps };
}

/** Everything the backfill stores, without generated ids and receive times. */
async function snapshot(knex: Knex) {
  const rows = async (table: string, orderBy: string[], omit: string[]) =>
    (await knex(table).orderBy(orderBy)).map(r =>
      Object.fromEntries(
        Object.entries(r)
          .filter(([k]) => !omit.includes(k))
          .map(([k, v]) => [
            k,
            typeof v === 'bigint' || (/_at$/.test(k) && v !== null)
              ? Number(v)
              : v,
          ]),
      ),
    );
  return {
    deployments: await rows(
      'dora_deployments',
      ['event_key'],
      ['id', 'received_at'],
    ),
    changes: await rows('dora_changes', ['sha'], ['id', 'received_at']),
    incidents: await rows(
      'dora_incidents',
      ['event_key'],
      ['id', 'received_at'],
    ),
    pullRequests: await rows('dora_pull_requests', ['number'], ['updated_at']),
    facts: await rows(
      'dora_deployment_facts',
      ['finished_at'],
      ['deployment_id'],
    ),
  };
}

describe.each(databases.eachSupportedId())('backfill on %p', databaseId => {
  let fake: Fake;
  beforeEach(async () => {
    fake = await startFakeProviders();
  });
  afterEach(async () => {
    await fake.close();
  });

  async function uninterrupted(id: TestDatabaseId) {
    const knex = await databases.init(id);
    const { backfill, counters, sleeps } = await backfillOn(knex, fake);
    await backfill.run();
    return { knex, backfill, pages: counters.pages, sleeps };
  }

  it('reads paginated, rate-limited history into the store', async () => {
    const { knex, backfill, sleeps } = await uninterrupted(databaseId);
    const stored = await snapshot(knex);

    expect(
      stored.deployments.map(d => [d.external_id, d.status, d.sha]),
    ).toEqual([
      ['1', 'success', 's1'],
      ['2', 'success', 's2'],
      ['3', 'failure', 's3'],
      ['4', 'success', 's4'],
      ['5', 'success', 's5'],
    ]);
    // Commits between consecutive successful deployments, with real parents,
    // and the branch commits of merged pull requests.
    expect(
      stored.changes.map(c => [c.sha, JSON.parse(String(c.parents))]),
    ).toEqual([
      ['p1a', ['s1']],
      ['p1b', ['p1a']],
      ['p2a', ['s1']],
      ['p2b', ['p2a']],
      ['p3a', ['s1']],
      ['p3b', ['p3a']],
      ['s2', ['x2']],
      ['s3', ['x3']],
      ['s4', ['x4']],
      ['s5', ['x5']],
      ['x2', ['s1']],
      ['x3', ['s2']],
      ['x4', ['s3']],
      ['x5', ['s4']],
    ]);
    expect(
      stored.changes
        .filter(c => c.pr_number !== null)
        .map(c => [c.sha, c.pr_number]),
    ).toEqual([
      ['p1a', 1],
      ['p1b', 1],
      ['p2a', 2],
      ['p2b', 2],
      ['p3a', 3],
      ['p3b', 3],
      ['s2', 1],
      ['s4', 2],
      ['s5', 3],
    ]);
    expect(
      stored.incidents.map(i => [i.external_id, i.resolved_at !== null]),
    ).toEqual([
      ['Q1', true],
      ['Q2', true],
      ['Q3', true],
      ['Q4', true],
      ['Q5', false],
      ['Q6', false],
    ]);
    // Lead time samples exist for every counted deployment after the first.
    expect(
      stored.facts.filter(f => JSON.parse(String(f.lead_times)).length > 0),
    ).toHaveLength(3);
    // Deployments 2, 4 and 5 ship the main line (2 + 4 + 2 commits) and two
    // branch commits of the pull request each merged.
    expect(
      stored.facts.flatMap(f => JSON.parse(String(f.lead_times))),
    ).toHaveLength(14);

    // It waited as told and never asked while limited.
    expect(fake.stats.limited).toBeGreaterThan(0);
    expect(fake.stats.violations).toBe(0);
    expect(sleeps).toContain(1000);
    expect(sleeps.some(ms => ms > 1000 && ms <= 2000)).toBe(true);

    const status = await backfill.status();
    expect(status.jobs.map(j => [j.key, j.status])).toEqual([
      [`github:${REPOSITORY}:commits`, 'done'],
      [`github:${REPOSITORY}:deployments`, 'done'],
      [`github:${REPOSITORY}:pull-requests`, 'done'],
      [`pagerduty:${SERVICE}:incidents`, 'done'],
    ]);
    expect(status.entities).toEqual([
      { entityRef: 'component:default/checkout', done: 4, total: 4 },
    ]);
    expect(status.jobs.find(j => j.step === 'deployments')).toMatchObject({
      pagesDone: 3,
      pagesTotal: 3,
      items: 5,
    });
  });

  it.each([1, 2, 4, 6, 9])(
    'ends in the same store when stopped after %i pages and started again',
    async abortAfter => {
      const reference = await uninterrupted(databaseId);
      const expected = await snapshot(reference.knex);

      const knex = await databases.init(databaseId);
      const first = await backfillOn(knex, fake);
      first.counters.abortAfter = abortAfter;
      await expect(
        first.backfill.run(first.controller.signal),
      ).rejects.toThrow();

      // A restart: new instances, the same database.
      const second = await backfillOn(knex, fake);
      await second.backfill.run();
      expect(await snapshot(knex)).toEqual(expected);
      // It resumed from the saved cursor instead of starting over: only the
      // page that was being read when it stopped is read again.
      expect(second.counters.pages).toBeLessThanOrEqual(
        reference.pages - abortAfter + 1,
      );
      // A restarted process does not know the limit the old one was told
      // about: its first request may be refused (403), then it waits.
      expect(fake.stats.violations).toBeLessThanOrEqual(1);
    },
  );

  it('starts a fresh run once a run has completed, changing nothing', async () => {
    const { knex, backfill } = await uninterrupted(databaseId);
    const before = await snapshot(knex);
    await backfill.run();
    expect(await snapshot(knex)).toEqual(before);
  });
});

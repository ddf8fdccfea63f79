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

import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { readDoraConfig } from '../config';
import { DatabaseDoraStore } from '../database/DatabaseDoraStore';
import { IngestService } from '../ingest/IngestService';
import { createProviderConnections } from '../providerConnections';
import { FactDeriver } from '../reconcile/FactDeriver';
import {
  createTestDatabases,
  databaseServiceOf,
} from '../__testUtils__/testDatabase';
import { ProviderHttp } from './ProviderHttp';
import {
  GITLAB_API_TOKEN,
  GITLAB_PROJECT,
  notes,
  sha,
  startFakeGitlab,
} from './__testUtils__/fakeGitlab';
import {
  deploymentHook,
  incidentHook,
  mergeRequestHook,
} from './__testUtils__/gitlabHooks';

jest.setTimeout(120_000);

const databases = createTestDatabases();

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: { 'gitlab.com/project-slug': GITLAB_PROJECT },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

type Fake = Awaited<ReturnType<typeof startFakeGitlab>>;

/** A step's own list pages, not the per-merge-request notes and commits. */
const isStepPage = (url: string) =>
  /\/(deployments|repository\/commits|merge_requests|issues)$/.test(
    new URL(url).pathname,
  );

/** The plugin's providers on a database, with the fake GitLab configured. */
async function pluginOn(knex: Knex, fake: Fake) {
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
      gitlab: [
        {
          host: 'gitlab.example.com',
          apiBaseUrl: fake.apiBaseUrl,
          token: GITLAB_API_TOKEN,
        },
      ],
    },
    dora: {
      backfill: {
        lookback: { days: 365 },
        gitlab: { host: 'gitlab.example.com' },
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
  const clock = { now: Date.parse('2026-04-01T00:00:00Z') };
  const counters = { pages: 0, abortAfter: Infinity };
  const controller = new AbortController();
  const sleeps: number[] = [];
  const http = new ProviderHttp({
    logger,
    now: () => clock.now,
    sleep: async ms => {
      sleeps.push(ms);
      clock.now += ms;
    },
    fetch: async (url, init) => {
      const response = await fetch(url, init);
      if (response.ok && isStepPage(String(url))) {
        counters.pages += 1;
        if (counters.pages >= counters.abortAfter) controller.abort();
      }
      return response;
    },
  });
  const connections = await createProviderConnections({
    store,
    config,
    rootConfig,
    logger,
    ingest,
    catalogIndex,
    http,
    now: () => clock.now,
  });
  return { ...connections, counters, controller, sleeps };
}

/** What is stored, without generated ids and receive times. */
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

const name = Object.fromEntries(
  ['b0', 'a1', 'a2', 'm1', 'c1', 'c2', 'c3', 'q2', 'r1', 'r2'].map(n => [
    sha(n),
    n,
  ]),
);

describe.each(databases.eachSupportedId())(
  'GitLab backfill on %p',
  databaseId => {
    let fake: Fake;
    beforeEach(async () => {
      fake = await startFakeGitlab();
    });
    afterEach(() => fake.close());

    async function uninterrupted() {
      const knex = await databases.init(databaseId);
      const plugin = await pluginOn(knex, fake);
      await plugin.backfill.run();
      return { knex, ...plugin };
    }

    it('reads paged, rate-limited GitLab history into the store', async () => {
      const { knex, backfill, sleeps } = await uninterrupted();
      const stored = await snapshot(knex);

      // Production deployments only: the staging one is left out.
      expect(
        stored.deployments.map(d => [
          d.external_id,
          d.status,
          name[String(d.sha)],
        ]),
      ).toEqual([
        ['4001', 'success', 'm1'],
        ['4002', 'failure', 'q2'],
        ['4004', 'success', 'r2'],
      ]);
      // The main line with real parents, and the squash's replaced commits,
      // each attached to its merge request; the rebased ones are a bot's.
      expect(
        stored.changes
          .map(c => [
            name[String(c.sha)],
            c.pr_number,
            JSON.parse(String(c.parents)).map((p: string) => name[p]),
            !!c.automated,
          ])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      ).toEqual([
        ['a1', 1, ['b0'], false],
        ['a2', 1, ['a1'], false],
        ['b0', null, [], false],
        ['c1', 2, ['m1'], false],
        ['c2', 2, ['c1'], false],
        ['c3', 2, ['c2'], false],
        ['m1', 1, ['b0', 'a2'], false],
        ['q2', 2, ['m1'], false],
        ['r1', 3, ['q2'], true],
        ['r2', 3, ['r1'], true],
      ]);
      expect(
        stored.pullRequests.map(p => [
          p.number,
          name[String(p.merge_sha)],
          p.first_review_at,
        ]),
      ).toEqual([
        [1, 'm1', Date.parse(notes(1)[1].created_at)],
        [2, 'q2', Date.parse(notes(2)[2].created_at)],
        [3, 'r2', null],
      ]);
      // Closed; open; reopened (open again).
      expect(
        stored.incidents.map(i => [i.external_id, i.resolved_at !== null]),
      ).toEqual([
        [`${GITLAB_PROJECT}#1`, true],
        [`${GITLAB_PROJECT}#2`, false],
        [`${GITLAB_PROJECT}#3`, false],
      ]);

      // Told to retry after a second, it waited a second.
      expect(fake.stats.limited).toBeGreaterThan(0);
      expect(sleeps).toEqual(Array(fake.stats.limited).fill(1000));

      const status = await backfill.status();
      expect(status.jobs.map(j => [j.key, j.status, j.pagesDone])).toEqual([
        [`gitlab:${GITLAB_PROJECT}:commits`, 'done', 4],
        [`gitlab:${GITLAB_PROJECT}:deployments`, 'done', 2],
        [`gitlab:${GITLAB_PROJECT}:incidents`, 'done', 2],
        [`gitlab:${GITLAB_PROJECT}:merge-requests`, 'done', 2],
      ]);
    });

    it.each([1, 3, 6, 9])(
      'ends in the same store when stopped after %i pages and started again',
      async abortAfter => {
        const reference = await uninterrupted();
        const expected = await snapshot(reference.knex);

        const knex = await databases.init(databaseId);
        const first = await pluginOn(knex, fake);
        first.counters.abortAfter = abortAfter;
        await expect(
          first.backfill.run(first.controller.signal),
        ).rejects.toThrow();

        const second = await pluginOn(knex, fake);
        await second.backfill.run();
        expect(await snapshot(knex)).toEqual(expected);
        // Resumed from the saved cursor: at most the page being read when
        // it stopped is read again.
        expect(second.counters.pages).toBeLessThanOrEqual(
          reference.counters.pages - abortAfter + 1,
        );
      },
    );

    it('reads an open incident the store holds resolved as reopened at its last update', async () => {
      const knex = await databases.init(databaseId);
      const plugin = await pluginOn(knex, fake);
      const deliver = (eventPayload: unknown) =>
        plugin.webhooks.handle({ topic: 'gitlab', eventPayload, metadata: {} });
      const incidentRow = async () =>
        (await snapshot(knex)).incidents.find(
          i => i.external_id === `${GITLAB_PROJECT}#3`,
        )!;
      // Incident 3 (opened at 21:00, updated at 23:00) was closed at 22:00,
      // as its webhook said; the reopen's webhook never came.
      const closedAt = '2026-03-01 22:00:00 UTC';
      const closeHook = incidentHook(3, 'close');
      const closed = (at: string) => ({
        ...closeHook,
        object_attributes: {
          ...closeHook.object_attributes,
          state: 'closed',
          updated_at: at,
          closed_at: at,
        },
      });
      await deliver(closed(closedAt));
      expect((await incidentRow()).resolved_at).toBe(
        Date.parse('2026-03-01T22:00:00Z'),
      );

      // The API shows it open: open again from its last update.
      await plugin.backfill.run();
      expect(await incidentRow()).toMatchObject({
        resolved_at: null,
        reopened_at: Date.parse('2026-03-01T23:00:00Z'),
      });

      // A close after that reopen closes it again.
      await deliver(closed('2026-03-02 01:00:00 UTC'));
      expect((await incidentRow()).resolved_at).toBe(
        Date.parse('2026-03-02T01:00:00Z'),
      );
    });

    it('merges with the webhooks of the same objects into one row each', async () => {
      const reference = await uninterrupted();
      const expected = await snapshot(reference.knex);

      const knex = await databases.init(databaseId);
      const plugin = await pluginOn(knex, fake);
      const hooks = [
        ...[1, 2, 3, 4].map(deploymentHook),
        mergeRequestHook(1, 'merge', 51),
        mergeRequestHook(2, 'approved', 52),
        mergeRequestHook(2, 'merge', 51),
        mergeRequestHook(3, 'merge', 51),
        incidentHook(1, 'close'),
        incidentHook(2, 'open'),
        incidentHook(3, 'reopen'),
      ];
      for (const eventPayload of hooks) {
        await plugin.webhooks.handle({
          topic: 'gitlab',
          eventPayload,
          metadata: {},
        });
      }
      const fromHooks = await snapshot(knex);
      // Each object the webhooks reported is one row; the backfill adds none.
      expect(fromHooks.deployments).toHaveLength(4);
      expect(fromHooks.pullRequests).toHaveLength(3);
      expect(fromHooks.incidents).toHaveLength(3);
      await plugin.backfill.run();
      const merged = await snapshot(knex);
      expect(merged.deployments.length).toBe(fromHooks.deployments.length);
      expect(merged.deployments).toEqual(
        // The webhooks also report staging; the backfill reads production.
        fromHooks.deployments.map(
          d => expected.deployments.find(e => e.event_key === d.event_key) ?? d,
        ),
      );
      expect(merged.incidents).toEqual(expected.incidents);
      expect(merged.pullRequests).toEqual(expected.pullRequests);
      expect(merged.changes).toEqual(expected.changes);
    });
  },
);

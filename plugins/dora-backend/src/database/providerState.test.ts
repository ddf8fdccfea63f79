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
  createTestDatabases,
  createTestStore,
} from '../__testUtils__/testDatabase';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('provider state on %p', id => {
  it('remembers delivery ids per source and forgets them after a month', async () => {
    const { store } = await createTestStore(databases, id);
    const deliveries = store.webhookDeliveries;
    const day = 24 * 3600_000;
    const now = Date.parse('2026-03-01T00:00:00Z');
    await deliveries.record('github', 'd-1', now);
    await deliveries.record('github', 'd-1', now); // a redelivery recorded again
    expect(await deliveries.seen('github', 'd-1')).toBe(true);
    expect(await deliveries.seen('gitlab', 'd-1')).toBe(false);
    // An hour and 31 days later, the next record prunes the old one.
    await deliveries.record('github', 'd-2', now + 31 * day + 3600_001);
    expect(await deliveries.seen('github', 'd-1')).toBe(false);
    expect(await deliveries.seen('github', 'd-2')).toBe(true);
  });

  it('keeps pull request state with epoch-millisecond times', async () => {
    const { store: database } = await createTestStore(databases, id);
    const store = database.pullRequests;
    const state = {
      source: 'github',
      repository: 'acme/checkout',
      number: 7,
      createdAt: Date.parse('2026-03-02T09:00:00Z'),
      firstReviewAt: null,
      mergedAt: null,
      mergeSha: null,
    };
    await store.put(state, 1);
    const merged = {
      ...state,
      mergedAt: Date.parse('2026-03-02T11:00:00Z'),
      mergeSha: 'c3',
    };
    await store.put(merged, 2);
    expect(await store.get('github', 'acme/checkout', 7)).toEqual(merged);
    expect(await store.get('github', 'acme/checkout', 8)).toBeUndefined();
  });

  it('rolls the provider tables back', async () => {
    const { knex } = await createTestStore(databases, id);
    const directory = `${__dirname}/../../migrations`;
    await knex.migrate.down({
      directory,
      name: '20261121130000_webhooks_backfill.js',
    });
    for (const table of [
      'dora_webhook_deliveries',
      'dora_pull_requests',
      'dora_backfill_state',
    ]) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }
    expect(await knex.schema.hasTable('dora_deployments')).toBe(true);
  });
});

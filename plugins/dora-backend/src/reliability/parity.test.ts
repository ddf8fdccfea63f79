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

import { mockCredentials } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabase';
import {
  demoEntities,
  demoEntityRefs,
  demoWindow,
  fillWithDemoHistory,
} from './__testUtils__/demoFill';
import {
  createInProcessDora,
  entityFigures,
  observe,
} from './__testUtils__/inProcessDora';
import { printFigures } from './__testUtils__/report';

jest.setTimeout(180_000);

const databases = createTestDatabases();

/**
 * Everything a reader sees for one generated history: per-entity metrics
 * (from the stored facts and through the report service, with series and
 * the previous window), the events behind them, and the team pool, whose
 * owner-chain query is the one piece of SQL that differs per engine.
 */
async function answersOn(id: (typeof ids)[number]) {
  const knex = await databases.init(id);
  const dora = await createInProcessDora(knex, demoEntities);
  const filled = await fillWithDemoHistory(dora);
  const { perEntity, unattributed, dirty } = await observe(
    dora,
    demoEntityRefs,
    demoWindow,
  );
  const figures: Record<string, unknown> = {};
  for (const ref of demoEntityRefs)
    figures[ref] = await entityFigures(dora, ref, demoWindow);
  const request = {
    window: demoWindow,
    credentials: mockCredentials.service(),
  };
  const teams = [];
  for (const ownership of ['current', 'at-event'] as const) {
    teams.push(
      await dora.reports.teamMetrics(
        'group:default/commerce',
        { granularity: 'month', ownership, includeSubgroups: true },
        request,
      ),
    );
  }
  return {
    filled,
    answers: { figures, perEntity, teams, unattributed, dirty },
  };
}

const ids = databases.eachSupportedId().map(([id]) => id);

describe('parity across databases', () => {
  it('gives identical figures for the same generated history on SQLite, PostgreSQL and MySQL', async () => {
    expect(ids).toContain('SQLITE_3');
    const [reference, ...others] = await Promise.all(ids.map(answersOn));
    expect(reference.filled.rejected).toBe(0);
    expect(reference.answers.dirty).toEqual([]);
    // Not trivially equal: the history has counted deployments, failures and recoveries.
    const checkout = reference.answers.figures[
      'component:default/checkout'
    ] as any;
    expect(checkout.deploymentFrequency.count).toBeGreaterThan(5);
    expect(checkout.changeFailureRate.failed).toBeGreaterThan(0);
    for (const [i, other] of others.entries()) {
      expect({ id: ids[i + 1], ...other.answers }).toEqual({
        id: ids[i + 1],
        ...reference.answers,
      });
    }
    printFigures('parity', {
      databases: ids.join('+'),
      eventsPerDatabase: reference.filled.events,
      entities: demoEntityRefs.length,
      checkoutDeployments: checkout.deploymentFrequency.count,
      checkoutFailed: checkout.changeFailureRate.failed,
      differences: 0,
    });
  });
});

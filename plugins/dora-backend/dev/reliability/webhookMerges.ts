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

import { mulberry32 } from '@dora-metrics/plugin-dora-backend-module-demo';
import { Knex } from 'knex';
import { shuffled } from '../../src/reliability/__testUtils__/conflictingObservations';
import { printFigures } from '../../src/reliability/__testUtils__/report';
import {
  compareStoredKeys,
  rowsByKey,
} from '../../src/reliability/__testUtils__/storedKeys';
import { BackendProcess } from './backendProcess';
import {
  conflictingGithubDeliveries,
  sendGithubDelivery,
} from './githubDeliveries';
import { check, waitFor } from './scenarioTools';
import { dirtyCount } from './storeInspection';

const SEED = Number(process.env.DORA_FUZZ_SEED ?? 20261129);
const ROUNDS = Number(process.env.DORA_WEBHOOK_ROUNDS ?? 15);
// A share of deliveries that the provider redelivers to the other replica
// while the first is still handling it (a timeout on its side).
const REDELIVERED = 0.1;

/**
 * Signed GitHub deliveries through the events backend's ingress: each
 * round's events of the same deployments, pull requests and incidents,
 * shuffled, split at random between two replicas and sent all at once (some
 * to both); then the same deliveries one at a time to a single backend. The
 * replicas' store must end equal to the single backend's, key by key.
 */
export async function webhookMergesOnTwoReplicas(options: {
  replicas: [BackendProcess, BackendProcess];
  single: BackendProcess;
  replicaDb: Knex;
  singleDb: Knex;
}) {
  const { replicas, single, replicaDb, singleDb } = options;
  const rng = mulberry32(SEED);
  const statuses: Record<string, number> = {};
  const count = (status: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  let sent = 0;
  let redelivered = 0;
  const started = Date.now();
  for (let round = 0; round < ROUNDS; round++) {
    const deliveries = shuffled(conflictingGithubDeliveries(round, rng), rng);
    sent += deliveries.length;
    const targets = deliveries.map(() => {
      const first = rng() < 0.5 ? 0 : 1;
      return rng() < REDELIVERED
        ? [replicas[first], replicas[1 - first]]
        : [replicas[first]];
    });
    redelivered += targets.filter(t => t.length > 1).length;
    await Promise.all(
      deliveries.flatMap((d, i) =>
        targets[i].map(async r => count(await sendGithubDelivery(r.url, d))),
      ),
    );
    for (const d of deliveries) {
      const status = await sendGithubDelivery(single.url, d);
      check(status === 202, `single backend took the delivery (${status})`);
    }
  }
  const settled = await waitFor(
    async () =>
      (await dirtyCount(replicaDb)) === 0 && (await dirtyCount(singleDb)) === 0,
    120_000,
  );
  check(settled, 'every entity derived on both stores after the webhooks');

  const { expected, actual, differing, lost, doubled } = compareStoredKeys(
    await rowsByKey(singleDb),
    await rowsByKey(replicaDb),
  );
  // The events backend answers 202 even when a subscriber failed; the
  // plugin logs why.
  const notApplied = [...replicas, single].flatMap(r =>
    r.matching(/^DORA webhook .*not applied/),
  );
  printFigures('webhook merges on two replicas', {
    rounds: ROUNDS,
    deliveriesSent: sent,
    redeliveredToBoth: redelivered,
    statuses: JSON.stringify(statuses),
    keysExpected: expected.size,
    keysStored: actual.size,
    lost,
    doubled,
    notApplied: notApplied.length,
    secondsElapsed: Math.round((Date.now() - started) / 1000),
  });
  for (const line of notApplied.slice(0, 5))
    process.stdout.write(`[reliability] ${line.message}\n`);
  for (const d of differing.slice(0, 5))
    process.stdout.write(
      `[reliability] ${d.key}: expected ${d.expected}, stored ${d.actual}\n`,
    );
  check(
    Object.keys(statuses).every(s => s === '202'),
    `every delivery answered 202 (${JSON.stringify(statuses)})`,
  );
  check(notApplied.length === 0, 'every delivery applied');
  check(
    lost === 0 && doubled === 0,
    `nothing lost (${lost}) or doubled (${doubled})`,
  );
  check(differing.length === 0, 'the replicas store what one backend stores');
}

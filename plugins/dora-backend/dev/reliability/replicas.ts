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

import { isDeepStrictEqual } from 'node:util';
import {
  demoEntityRefs,
  demoHistory,
  demoWindow,
} from '../../src/reliability/__testUtils__/demoFill';
import { printFigures } from '../../src/reliability/__testUtils__/report';
import { BackendProcess, call, sleep } from './backendProcess';
import { PrivatePostgres } from './privatePostgres';
import { check, waitFor } from './scenarioTools';
import { webhookMergesOnTwoReplicas } from './webhookMerges';
import { dirtyCount, storeSnapshot } from './storeInspection';

const BATCH = 50;
const RECONCILE_SECONDS = 2;

function batchesOf(kind: string, items: unknown[]) {
  const out: { kind: string; items: unknown[] }[] = [];
  for (let i = 0; i < items.length; i += BATCH)
    out.push({ kind, items: items.slice(i, i + BATCH) });
  return out;
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function inParallel<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

const STARTUP_ATTEMPTS = 4;

/**
 * Two backend processes on one database. Every batch goes to both at once
 * (a client retrying on the other replica), several batches in flight; the
 * store must end equal to one built through a single backend, both replicas
 * must serve the same figures, and the global reconcile task must run once
 * per cadence, not once per replica. Then conflicting webhook deliveries
 * split between the two (see webhookMerges.ts).
 */
export async function twoReplicas(pg: PrivatePostgres) {
  // Started together on an empty database, as a first deployment would.
  // Backstage's own migrations (scheduler, auth keys) fail rather than wait
  // when another process holds their lock, so a replica may fail to start;
  // like an orchestrator, we start it again after a back-off that differs
  // per replica, so that two restarts do not collide again (restarts are
  // counted in the figures).
  let startupRestarts = 0;
  const startReplica = async (name: string, prefix: string, offset: number) => {
    const options = {
      name,
      pg,
      prefix,
      reconcileSeconds: RECONCILE_SECONDS,
      webhooks: true,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        return await BackendProcess.start(
          attempt === 1
            ? options
            : { ...options, name: `${name}-restart${attempt - 1}` },
        );
      } catch (error) {
        if (attempt === STARTUP_ATTEMPTS) throw error;
        startupRestarts++;
        process.stdout.write(
          `[reliability] ${name} failed to start, restarting: ${error}\n`,
        );
        await sleep(attempt * 1000 + offset);
      }
    }
  };
  const starts = await Promise.allSettled([
    startReplica('replica-a', 'rel_replica_', 0),
    startReplica('replica-b', 'rel_replica_', 1500),
    startReplica('single', 'rel_single_', 0),
  ]);
  const failed = starts.find(s => s.status === 'rejected');
  if (failed) {
    // Do not leave the ones that did start running after the run ends.
    await Promise.all(
      starts.map(s => (s.status === 'fulfilled' ? s.value.stop() : undefined)),
    );
    throw failed.reason;
  }
  const [a, b, single] = starts.map(
    s => (s as PromiseFulfilledResult<BackendProcess>).value,
  );
  const started = Date.now();
  const replicaDb = pg.client('rel_replica_dora');
  const singleDb = pg.client('rel_single_dora');
  try {
    const history = demoHistory(11);
    const phases = [
      batchesOf('changes', history.changes),
      batchesOf('deployments', history.deployments),
      batchesOf('incidents', history.incidents),
    ];
    const statuses: Record<string, number> = {};
    for (const phase of phases) {
      await inParallel(phase, 3, async ({ kind, items }) => {
        const answers = await Promise.all(
          [a, b].map(r =>
            call(r.url, 'POST', `/v1/${kind}`, { [kind]: items }),
          ),
        );
        for (const [i, answer] of answers.entries()) {
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          if (answer.status !== 200) {
            process.stdout.write(
              `[reliability] replica push answered ${
                answer.status
              }: ${JSON.stringify(answer.body).slice(0, 300)}\n`,
            );
            // Retry like a client would, on the same replica.
            const again = await call([a, b][i].url, 'POST', `/v1/${kind}`, {
              [kind]: items,
            });
            check(again.status === 200, `retry accepted (${again.status})`);
          }
        }
      });
      for (const { kind, items } of phase) {
        const answer = await call(single.url, 'POST', `/v1/${kind}`, {
          [kind]: items,
        });
        check(
          answer.status === 200,
          `single backend accepted (${answer.status})`,
        );
      }
    }
    const settled = await waitFor(
      async () =>
        (await dirtyCount(replicaDb)) === 0 &&
        (await dirtyCount(singleDb)) === 0,
      120_000,
    );
    check(settled, 'every entity derived on both stores');

    const [replicaStore, singleStore] = await Promise.all([
      storeSnapshot(replicaDb),
      storeSnapshot(singleDb),
    ]);
    const differing = Object.keys(singleStore).filter(
      k =>
        !isDeepStrictEqual((replicaStore as any)[k], (singleStore as any)[k]),
    );
    const window = `from=${new Date(
      demoWindow.from,
    ).toISOString()}&to=${new Date(demoWindow.to).toISOString()}`;
    const figuresDiffer: string[] = [];
    for (const ref of demoEntityRefs) {
      const answers = await Promise.all(
        [a, b, single].map(r =>
          call(r.url, 'GET', `/v1/metrics?entityRef=${ref}&${window}`),
        ),
      );
      check(
        answers.every(x => x.status === 200),
        `metrics answered for ${ref}`,
      );
      if (!answers.every(x => isDeepStrictEqual(x.body, answers[0].body)))
        figuresDiffer.push(ref);
    }

    // Provider webhooks merged by both replicas at once (while the
    // reconcile task starts running).
    await webhookMergesOnTwoReplicas({
      replicas: [a, b],
      single,
      replicaDb,
      singleDb,
    });

    // Reconcile runs: wait for several (the task's first run is 30 s after start).
    await waitFor(async () => {
      await sleep(500);
      return (
        a.matching(/^DORA reconcile/).length +
          b.matching(/^DORA reconcile/).length >=
        8
      );
    }, 150_000);
    const runs = [
      ...a.matching(/^DORA reconcile/),
      ...b.matching(/^DORA reconcile/),
    ]
      .map(l => l.time)
      .sort((x, y) => x - y);
    const gaps = runs.slice(1).map((t, i) => t - runs[i]);
    const span = runs.length > 1 ? runs[runs.length - 1] - runs[0] : 0;
    printFigures('two replicas', {
      eventsSent:
        history.changes.length +
        history.deployments.length +
        history.incidents.length,
      pushesPerReplica: phases.flat().length,
      statuses: JSON.stringify(statuses),
      storeTablesDiffering: differing.length,
      entitiesWithDifferentFigures: figuresDiffer.length,
      reconcileRunsA: a.matching(/^DORA reconcile/).length,
      reconcileRunsB: b.matching(/^DORA reconcile/).length,
      reconcileGapsMs: gaps.join('/'),
      startupRestarts,
      reconcileSpanMs: span,
      secondsElapsed: Math.round((Date.now() - started) / 1000),
    });
    check(
      differing.length === 0,
      `stores equal (differing: ${differing.join(', ')})`,
    );
    check(
      figuresDiffer.length === 0,
      `both replicas and the single backend serve the same figures (${figuresDiffer.join(
        ', ',
      )})`,
    );
    check(
      Object.keys(statuses).every(s => s === '200'),
      `every push answered 200 (${JSON.stringify(statuses)})`,
    );
    check(runs.length >= 8, `reconcile ran (${runs.length} runs)`);
    // Once per cadence, not once per replica: over the span of the runs
    // there are at most span / cadence + 1 cadences, plus one catch-up run
    // (when the second replica registers the task, Backstage's scheduler
    // keeps the earlier next start, now + cadence, which has long passed
    // when the 30 s initial delay ends). Both replicas running every cadence
    // would give about twice as many. Gaps are not a measure: the scheduler
    // plans the next run from the previous slot, so a late run is followed
    // by a shorter gap, with one replica as with two.
    check(
      runs.length <= span / (RECONCILE_SECONDS * 1000) + 2,
      `no more runs than cadences, plus the catch-up (${runs.length} runs in ${span} ms)`,
    );
  } finally {
    await Promise.all([a.stop(), b.stop(), single.stop()]);
    await replicaDb.destroy();
    await singleDb.destroy();
  }
}

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

import { printFigures } from '../../src/reliability/__testUtils__/report';
import { BackendProcess, call } from './backendProcess';
import { PrivatePostgres } from './privatePostgres';
import {
  check,
  deploymentBatch,
  pushUntilAccepted,
  waitFor,
} from './scenarioTools';
import {
  countDeployments,
  dirtyCount,
  ingestTransactionOpen,
} from './storeInspection';

const BATCH = 5000;

/**
 * The backend is SIGKILLed while it writes a 5000-item batch (caught inside
 * its transaction by watching pg_stat_activity); the client retries against
 * the restarted backend; every event must be stored exactly once.
 */
export async function crashMidBatch(pg: PrivatePostgres) {
  const prefix = 'rel_crash_';
  let backend = await BackendProcess.start({ name: 'crash', pg, prefix });
  const db = pg.client(`${prefix}dora`);
  const admin = pg.client('postgres');
  const figures = {
    eventsSent: 0,
    stored: 0,
    lost: 0,
    doubled: 0,
    killsMidTransaction: 0,
    partialBatchesSeen: 0,
  };
  try {
    const batches = ['crash-a', 'crash-b', 'crash-c'].map(tag =>
      deploymentBatch(tag, BATCH),
    );
    figures.eventsSent = batches.length * BATCH;
    check(
      (await pushUntilAccepted(() => backend, 'deployments', batches[0])).final
        .body.accepted === BATCH,
      'first batch accepted',
    );

    for (const [i, batch] of batches.slice(1).entries()) {
      const tag = i === 0 ? 'crash-b' : 'crash-c';
      const inFlight = call(backend.url, 'POST', '/v1/deployments', {
        deployments: batch,
      });
      const caught = await waitFor(
        () => ingestTransactionOpen(admin, `${prefix}dora`),
        60_000,
      );
      await backend.kill();
      const answer = await inFlight;
      if (caught && answer.status === 0) figures.killsMidTransaction++;
      // Nothing half written: the killed batch is all there or not at all.
      const { rows } = await countDeployments(db, `${tag}-`);
      if (rows !== 0 && rows !== BATCH) figures.partialBatchesSeen++;
      backend = await BackendProcess.start({
        name: `crash-restart-${i}`,
        pg,
        prefix,
      });
    }
    // The client does not know what got through: it resends everything.
    for (const batch of batches) {
      const { final } = await pushUntilAccepted(
        () => backend,
        'deployments',
        batch,
      );
      check(final.body.rejected.length === 0, 'no rejections on retry');
    }
    const counts = await countDeployments(db, 'crash-');
    figures.stored = counts.keys;
    figures.lost = figures.eventsSent - counts.keys;
    figures.doubled =
      counts.rows - counts.keys + (counts.attributions - counts.rows);
    check(
      await waitFor(async () => (await dirtyCount(db)) === 0, 90_000),
      'facts derived after retry',
    );
    printFigures('crash mid-batch (SIGKILL) and retry', figures);
    check(
      figures.killsMidTransaction >= 1,
      'at least one kill landed inside the ingest transaction',
    );
    check(figures.partialBatchesSeen === 0, 'no batch half written');
    check(
      figures.lost === 0 && figures.doubled === 0,
      'every event stored exactly once',
    );
  } finally {
    await backend.stop();
    await db.destroy();
    await admin.destroy();
  }
}

/**
 * PostgreSQL is crashed (pg_ctl stop -m immediate) while a batch is being
 * written: requests answer 503 naming the database, the killed batch leaves
 * nothing behind, and after the restart the client's retries complete the set.
 */
export async function databaseOutage(pg: PrivatePostgres) {
  const prefix = 'rel_outage_';
  const backend = await BackendProcess.start({ name: 'outage', pg, prefix });
  const admin = pg.client('postgres');
  const figures = {
    eventsSent: 0,
    stored: 0,
    lost: 0,
    doubled: 0,
    answered503: 0,
    answeredOther5xx: 0,
    partialBatchesSeen: 0,
  };
  const size = 1000;
  const batches = Array.from({ length: 6 }, (_, i) =>
    deploymentBatch(`outage-${i}`, size),
  );
  figures.eventsSent = batches.length * size;
  let db = pg.client(`${prefix}dora`);
  try {
    for (const batch of batches.slice(0, 2))
      await pushUntilAccepted(() => backend, 'deployments', batch);
    const inFlight = call(backend.url, 'POST', '/v1/deployments', {
      deployments: batches[2],
    });
    await waitFor(() => ingestTransactionOpen(admin, `${prefix}dora`), 60_000);
    await admin.destroy();
    await db.destroy();
    pg.stop('immediate');
    const answers = [await inFlight];
    for (const batch of batches.slice(3)) {
      answers.push(
        await call(backend.url, 'POST', '/v1/deployments', {
          deployments: batch,
        }),
      );
    }
    answers.push(
      await call(
        backend.url,
        'GET',
        '/v1/metrics?entityRef=component:default/checkout',
      ),
    );
    for (const a of answers) {
      if (a.status === 503) {
        figures.answered503++;
        check(
          /^database unavailable/.test(a.body?.error?.message),
          `503 names the database: ${JSON.stringify(a.body)}`,
        );
      } else if (a.status >= 500) figures.answeredOther5xx++;
    }
    check(
      (await call(backend.url, 'GET', '/health')).status === 200,
      'process alive while the database is down',
    );

    pg.start();
    db = pg.client(`${prefix}dora`);
    for (const [i] of batches.entries()) {
      const { rows } = await countDeployments(db, `outage-${i}-`);
      if (rows !== 0 && rows !== size) figures.partialBatchesSeen++;
    }
    for (const batch of batches)
      await pushUntilAccepted(() => backend, 'deployments', batch);
    const counts = await countDeployments(db, 'outage-');
    figures.stored = counts.keys;
    figures.lost = figures.eventsSent - counts.keys;
    figures.doubled =
      counts.rows - counts.keys + (counts.attributions - counts.rows);
    printFigures('database outage during ingest', figures);
    check(
      figures.answered503 === answers.length,
      `every request during the outage answered 503 (${JSON.stringify(
        answers.map(a => a.status),
      )})`,
    );
    check(figures.answeredOther5xx === 0, 'no other 5xx');
    check(figures.partialBatchesSeen === 0, 'no batch half written');
    check(
      figures.lost === 0 && figures.doubled === 0,
      'every event stored exactly once',
    );
  } finally {
    await backend.stop();
    await db.destroy();
  }
}

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

import { Knex } from 'knex';
import { call } from '../reliability/backendProcess';
import { histories, pushItems, ServiceHistory } from './history';
import { now } from './measure';
import { Figures, naiveFiguresAndShare, PoolShare } from './naive';
import { BenchService, MonorepoTwin } from './organisation';
import { BenchSize, WINDOW } from './sizes';
import { plainRows } from './sqlReferences';

const BATCH = 5000;
type Kind = 'changes' | 'deployments' | 'incidents';

export type LoadResult = {
  rows: number;
  ms: number;
  naiveMs: number;
  /** Per entity (twins too): its figures and what it adds to a pool. */
  naive: Map<string, { figures: Figures; share: PoolShare }>;
};

/**
 * Streams the organisation's history through the push API (batches of
 * 5000, one request at a time, as a CI client would) and, in the same pass,
 * runs the straightforward algorithm on each service's history. Only one
 * service's history and one batch per kind are in memory at a time.
 */
export async function loadThroughApi(
  base: string,
  size: BenchSize,
  services: readonly BenchService[],
  twins: readonly MonorepoTwin[],
  seed: number,
  log: (s: string) => void,
): Promise<LoadResult> {
  const pending: Record<Kind, unknown[]> = {
    changes: [],
    deployments: [],
    incidents: [],
  };
  let rows = 0;
  let ms = 0;
  const flush = async (kind: Kind) => {
    const items = pending[kind];
    if (!items.length) return;
    pending[kind] = [];
    const t = now();
    const answer = await call(base, 'POST', `/v1/${kind}`, { [kind]: items });
    ms += now() - t;
    if (answer.status !== 200 || answer.body.rejected.length) {
      throw new Error(
        `push of ${kind} answered ${answer.status}: ${JSON.stringify(
          answer.body,
        ).slice(0, 500)}`,
      );
    }
    const before = rows;
    rows += items.length;
    if (Math.floor(rows / 1e6) > Math.floor(before / 1e6))
      log(`  ${rows} rows pushed, ${(rows / (ms / 1000)).toFixed(0)} rows/s`);
  };
  const naive = new Map<string, { figures: Figures; share: PoolShare }>();
  let naiveMs = 0;
  for (const h of histories(size, services, seed)) {
    const t = now();
    naive.set(h.service.entityRef, naiveFiguresAndShare(h, WINDOW));
    naiveMs += now() - t;
    // A twin gets the repository's deployments, not the original's incidents.
    for (const twin of twins.filter(w => w.twinOf === h.service.entityRef)) {
      naive.set(
        twin.entityRef,
        naiveFiguresAndShare({ ...h, service: twin, incidents: [] }, WINDOW),
      );
    }
    const items = pushItems(h);
    for (const kind of ['changes', 'deployments', 'incidents'] as Kind[]) {
      for (const item of items[kind]) {
        pending[kind].push(item);
        if (pending[kind].length >= BATCH) await flush(kind);
      }
    }
  }
  for (const kind of ['changes', 'deployments', 'incidents'] as Kind[])
    await flush(kind);
  return { rows, ms, naiveMs, naive };
}

/** The same raw rows with plain multi-row INSERTs (no checks, no facts); rows and ms. */
export async function loadPlain(
  db: Knex,
  size: BenchSize,
  services: readonly BenchService[],
  seed: number,
  rowsPerInsert: number,
) {
  let rows = 0;
  let ms = 0;
  const pending: Record<string, Record<string, unknown>[]> = {};
  const flush = async (table: string) => {
    const list = pending[table] ?? [];
    pending[table] = [];
    for (let i = 0; i < list.length; i += rowsPerInsert) {
      const chunk = list.slice(i, i + rowsPerInsert);
      const t = now();
      await db(table).insert(chunk);
      ms += now() - t;
      rows += chunk.length;
    }
  };
  const receivedAt = Date.now();
  for (const h of histories(size, services, seed) as Iterable<ServiceHistory>) {
    for (const [table, list] of Object.entries(plainRows(h, receivedAt))) {
      (pending[table] ??= []).push(...list);
      if (pending[table].length >= BATCH) await flush(table);
    }
  }
  for (const table of Object.keys(pending)) await flush(table);
  return { rows, ms };
}

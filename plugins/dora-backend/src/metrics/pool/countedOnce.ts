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

import { IncidentFact, RecoveryFact } from '../types';
import {
  DeploymentColumns,
  DeploymentIdentity,
  FAILED,
  selectRows,
  UNPLANNED,
} from './deploymentColumns';
import { FactPool } from './factPool';

// Flags a dropped copy passes to the kept one: what happened to the
// deployment (failed, unplanned), not what its entity knew of its commits.
const EVENT_FLAGS = FAILED | UNPLANNED;
// Where a deployment sits in a pool: its columns' index times this, plus its row.
const ROWS = 2 ** 32;

/**
 * The pool with each deployment, recovery and incident once (spec: "Teams
 * and templates"). A deployment attributed to several entities of the pool
 * (a monorepo's) has a copy in each entity's facts. It is counted once:
 * failed or unplanned when any copy is (each entity links its own
 * incidents), with the samples of the copy of the entity whose ref sorts
 * first. Entities that share their deployments, as a monorepo's do, ship
 * the same commits with each copy, so any copy holds them once. A recovery
 * is the same when it recovers the same deployment by the same incident or
 * rollback; an incident is one by its key, linked if any copy is.
 *
 * Pools without a deployment in two entities come back as they are; copies
 * are never changed in place (the report cache shares them).
 */
export function countedOnce(pool: FactPool): FactPool {
  return {
    deployments: deploymentsOnce(pool.deployments),
    recoveries: once(
      pool.recoveries,
      (r: RecoveryFact) => `${r.kind} ${r.deploymentKey} ${r.recoveredBy}`,
      () => false,
    ),
    incidents: once(
      pool.incidents,
      (i: IncidentFact) => i.incidentKey,
      (kept, other) =>
        kept.linkedDeployment === null && other.linkedDeployment !== null,
    ),
    historyStarts: pool.historyStarts,
  };
}

/** Items by key, the first kept unless `better` prefers a later copy. */
function once<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  better: (kept: T, other: T) => boolean,
): readonly T[] {
  const kept = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    const seen = kept.get(key);
    if (seen === undefined || better(seen, item)) kept.set(key, item);
  }
  return kept.size === items.length ? items : [...kept.values()];
}

function deploymentsOnce(
  columns: readonly DeploymentColumns[],
): readonly DeploymentColumns[] {
  if (columns.length < 2) return columns;
  const ordered = [...columns].sort((a, b) =>
    a.entityRef.localeCompare(b.entityRef),
  );
  const first = new Map<DeploymentIdentity, number>();
  // Per columns with a copy dropped or a flag added: rows dropped, flags.
  const dropped = new Map<number, Set<number>>();
  const flags = new Map<number, Uint8Array>();
  const flagsOf = (c: number) => {
    let own = flags.get(c);
    if (!own) {
      own = Uint8Array.from(ordered[c].flags);
      flags.set(c, own);
    }
    return own;
  };
  ordered.forEach((c, ci) => {
    for (let i = 0; i < c.length; i++) {
      const key = c.keys[i];
      const at = first.get(key);
      if (at === undefined) {
        first.set(key, ci * ROWS + i);
        continue;
      }
      const keptColumns = Math.floor(at / ROWS);
      const keptRow = at % ROWS;
      const happened = c.flags[i] & EVENT_FLAGS;
      if (happened) flagsOf(keptColumns)[keptRow] |= happened;
      let rows = dropped.get(ci);
      if (!rows) dropped.set(ci, (rows = new Set()));
      rows.add(i);
    }
  });
  if (dropped.size === 0) return columns;
  return ordered.flatMap((c, ci) => {
    const drop = dropped.get(ci);
    const own = flags.get(ci);
    if (!drop && !own) return [c];
    const rows: number[] = [];
    for (let i = 0; i < c.length; i++) if (!drop?.has(i)) rows.push(i);
    return rows.length ? [selectRows(c, rows, own ?? c.flags)] : [];
  });
}

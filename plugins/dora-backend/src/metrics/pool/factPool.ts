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

import { EntityFacts, IncidentFact, RecoveryFact } from '../types';
import {
  ColumnsByEntity,
  DeploymentColumns,
  PooledDeployment,
} from './deploymentColumns';

/**
 * When each entity's first stored deployment (any status, any environment)
 * finished, epoch ms; entities with none stored are absent.
 */
export type HistoryStarts = ReadonlyMap<string, number>;

/** Facts of one entity or of a pool of entities (team, template). */
export type FactPool = {
  deployments: readonly DeploymentColumns[];
  recoveries: readonly RecoveryFact[];
  incidents: readonly IncidentFact[];
  historyStarts: HistoryStarts;
};

/** Fact records as stored, before their deployments are put in columns. */
export type FactRecords = {
  deployments: readonly PooledDeployment[];
  recoveries: readonly RecoveryFact[];
  incidents: readonly IncidentFact[];
  historyStarts: HistoryStarts;
};

/** A pool of fact records, their deployments put in columns per entity. */
export function poolOfFacts(facts: FactRecords): FactPool {
  const columns = new ColumnsByEntity();
  // A plain loop: reports pool tens of thousands of these per request.
  for (let i = 0; i < facts.deployments.length; i++) {
    const d = facts.deployments[i];
    columns.add(d.entityRef, d);
  }
  return {
    deployments: columns.build(),
    recoveries: facts.recoveries,
    incidents: facts.incidents,
    historyStarts: facts.historyStarts,
  };
}

/** The pool of one entity's derived facts. */
export function poolOfEntityFacts(facts: EntityFacts): FactPool {
  return poolOfFacts({
    ...facts,
    historyStarts: new Map(
      facts.historyStartsAt === null
        ? []
        : [[facts.entityRef, facts.historyStartsAt]],
    ),
  });
}

/** When the pool's first stored deployment finished; `null` if none is. */
export function historyStartOf(pool: FactPool): number | null {
  let first: number | null = null;
  for (const at of pool.historyStarts.values())
    if (first === null || at < first) first = at;
  return first;
}

/** The part of a pool that belongs to `entityRefs`. */
export function poolOf(
  pool: FactPool,
  entityRefs: ReadonlySet<string>,
): FactPool {
  return {
    deployments: pool.deployments.filter(d => entityRefs.has(d.entityRef)),
    recoveries: pool.recoveries.filter(r => entityRefs.has(r.entityRef)),
    incidents: pool.incidents.filter(i => entityRefs.has(i.entityRef)),
    historyStarts: new Map(
      [...pool.historyStarts].filter(([ref]) => entityRefs.has(ref)),
    ),
  };
}

type MutablePool = {
  deployments: DeploymentColumns[];
  recoveries: RecoveryFact[];
  incidents: IncidentFact[];
  historyStarts: Map<string, number>;
};

/** A pool split by entity in one pass (entities without facts are absent). */
export function poolsByEntity(pool: FactPool): Map<string, FactPool> {
  const pools = new Map<string, MutablePool>();
  const of = (entityRef: string) => {
    let own = pools.get(entityRef);
    if (!own) {
      own = {
        deployments: [],
        recoveries: [],
        incidents: [],
        historyStarts: new Map(),
      };
      pools.set(entityRef, own);
    }
    return own;
  };
  for (const d of pool.deployments) of(d.entityRef).deployments.push(d);
  for (const r of pool.recoveries) of(r.entityRef).recoveries.push(r);
  for (const i of pool.incidents) of(i.entityRef).incidents.push(i);
  for (const [ref, at] of pool.historyStarts)
    of(ref).historyStarts.set(ref, at);
  return pools;
}

/** Pools concatenated, in order (an entity's earliest history start kept). */
export function concatPools(pools: readonly FactPool[]): FactPool {
  const historyStarts = new Map<string, number>();
  for (const p of pools) {
    for (const [ref, at] of p.historyStarts) {
      const seen = historyStarts.get(ref);
      if (seen === undefined || at < seen) historyStarts.set(ref, at);
    }
  }
  return {
    deployments: pools.flatMap(p => p.deployments),
    recoveries: pools.flatMap(p => p.recoveries),
    incidents: pools.flatMap(p => p.incidents),
    historyStarts,
  };
}

export const EMPTY_POOL: FactPool = {
  deployments: [],
  recoveries: [],
  incidents: [],
  historyStarts: new Map(),
};

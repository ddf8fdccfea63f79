import { IncidentFact, RecoveryFact } from '../types';
import {
  ColumnsByEntity,
  DeploymentColumns,
  PooledDeployment,
} from './deploymentColumns';

/** Facts of one entity or of a pool of entities (team, template). */
export type FactPool = {
  deployments: readonly DeploymentColumns[];
  recoveries: readonly RecoveryFact[];
  incidents: readonly IncidentFact[];
};

/** Fact records as stored, before their deployments are put in columns. */
export type FactRecords = {
  deployments: readonly PooledDeployment[];
  recoveries: readonly RecoveryFact[];
  incidents: readonly IncidentFact[];
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
  };
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
  };
}

type MutablePool = {
  [K in keyof FactPool]: FactPool[K][number][];
};

/** A pool split by entity in one pass (entities without facts are absent). */
export function poolsByEntity(pool: FactPool): Map<string, FactPool> {
  const pools = new Map<string, MutablePool>();
  const of = (entityRef: string) => {
    let own = pools.get(entityRef);
    if (!own) {
      own = { deployments: [], recoveries: [], incidents: [] };
      pools.set(entityRef, own);
    }
    return own;
  };
  for (const d of pool.deployments) of(d.entityRef).deployments.push(d);
  for (const r of pool.recoveries) of(r.entityRef).recoveries.push(r);
  for (const i of pool.incidents) of(i.entityRef).incidents.push(i);
  return pools;
}

/** Pools concatenated, in order. */
export function concatPools(pools: readonly FactPool[]): FactPool {
  return {
    deployments: pools.flatMap(p => p.deployments),
    recoveries: pools.flatMap(p => p.recoveries),
    incidents: pools.flatMap(p => p.incidents),
  };
}

export const EMPTY_POOL: FactPool = {
  deployments: [],
  recoveries: [],
  incidents: [],
};

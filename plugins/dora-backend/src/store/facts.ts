import { Knex } from 'knex';
import { FactPool, PooledDeployment } from '../metrics/computeMetrics';
import {
  ChangeRecord,
  DeploymentFact,
  DeploymentRecord,
  EntityFacts,
  IncidentFact,
  IncidentRecord,
  RecoveryFact,
} from '../metrics/types';
import { retryOnConflict } from './conflictRetry';
import { chunks } from './eventWrites';
import { FactScope, StoredHistory } from './types';

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Everything attributed to one entity, plus the commits of its repositories. */
export async function loadHistory(
  db: Knex,
  entityRef: string,
  productionEnvironments: readonly string[],
): Promise<StoredHistory> {
  const state = await db('dora_entity_state')
    .where('entity_ref', entityRef)
    .first();
  const attributed = (type: string, table: string) =>
    db(`${table} as e`)
      .join('dora_attributions as a', function joinOn() {
        this.on('a.event_id', '=', 'e.id').andOn(
          'a.event_type',
          '=',
          db.raw('?', [type]),
        );
      })
      .where('a.entity_ref', entityRef)
      .select('e.*', 'a.owner_chain');
  const deploymentRows = await attributed('deployment', 'dora_deployments');
  const incidentRows = await attributed('incident', 'dora_incidents');

  const events = new Map<string, { id: number; ownerChain: string }>();
  const deployments: DeploymentRecord[] = deploymentRows.map(r => {
    events.set(r.event_key, { id: Number(r.id), ownerChain: r.owner_chain });
    return {
      key: r.event_key,
      source: r.source,
      externalId: r.external_id,
      environment: r.environment,
      status: r.status,
      kind: r.kind,
      finishedAt: Number(r.finished_at),
      sha: r.sha,
      repository: r.repository,
      rollbackOf: r.rollback_of,
      commits: r.commits ? JSON.parse(r.commits) : null,
    };
  });
  const incidents: IncidentRecord[] = incidentRows.map(r => {
    events.set(r.event_key, { id: Number(r.id), ownerChain: r.owner_chain });
    return {
      key: r.event_key,
      source: r.source,
      externalId: r.external_id,
      startedAt: Number(r.started_at),
      resolvedAt: num(r.resolved_at),
      causeDeploymentId: r.cause_deployment_id,
      causeSha: r.cause_sha,
    };
  });

  const changes = new Map<string, Map<string, ChangeRecord>>();
  const repositories = [
    ...new Set(deployments.map(d => d.repository).filter(Boolean)),
  ] as string[];
  for (const repository of repositories) {
    const bySha = new Map<string, ChangeRecord>();
    const rows = await db('dora_changes').where('repository', repository);
    for (const r of rows) {
      bySha.set(r.sha, {
        sha: r.sha,
        committedAt: Number(r.committed_at),
        authoredAt: num(r.authored_at),
        firstParent: r.first_parent,
        pullRequest:
          r.pr_number === null
            ? null
            : {
                number: Number(r.pr_number),
                createdAt: num(r.pr_created_at),
                firstReviewAt: num(r.pr_first_review_at),
                mergedAt: num(r.pr_merged_at),
              },
      });
    }
    changes.set(repository, bySha);
  }
  return {
    history: {
      entityRef,
      productionEnvironments,
      deployments,
      incidents,
      changes,
    },
    events,
    version: state ? Number(state.version) : 0,
  };
}

/**
 * Replaces an entity's facts. The entity's state row is locked first so that
 * two replicas deriving the same entity take turns instead of colliding.
 */
export async function replaceFacts(
  db: Knex,
  stored: StoredHistory,
  facts: EntityFacts,
) {
  const { entityRef } = facts;
  const event = (key: string) => stored.events.get(key)!;
  await retryOnConflict(() =>
    db.transaction(async trx => {
      await trx('dora_entity_state')
        .where('entity_ref', entityRef)
        .forUpdate()
        .first();
      for (const table of [
        'dora_deployment_facts',
        'dora_recovery_facts',
        'dora_incident_facts',
      ]) {
        await trx(table).where('entity_ref', entityRef).delete();
      }
      const deploymentRows = facts.deployments.map(d => ({
        entity_ref: entityRef,
        deployment_id: event(d.deploymentKey).id,
        finished_at: d.finishedAt,
        failed: d.failed,
        unplanned: d.unplanned,
        commits_unknown: d.commitsUnknown,
        clock_skewed: d.clockSkewed,
        lead_times: JSON.stringify(d.leadTimes),
        stages: JSON.stringify(d.stages),
        commits: JSON.stringify(d.commits),
        owner_chain: event(d.deploymentKey).ownerChain,
      }));
      const recoveryRows = facts.recoveries.map(r => ({
        entity_ref: entityRef,
        kind: r.kind,
        at: r.at,
        hours: r.hours,
        deployment_id: event(r.deploymentKey).id,
        recovered_by: r.recoveredBy,
        owner_chain: event(r.deploymentKey).ownerChain,
      }));
      const incidentRows = facts.incidents.map(i => ({
        entity_ref: entityRef,
        incident_id: event(i.incidentKey).id,
        started_at: i.startedAt,
        resolved_at: i.resolvedAt,
        linked_deployment_id: i.linkedDeployment
          ? event(i.linkedDeployment).id
          : null,
        linked_by: i.linkedBy,
        owner_chain: event(i.incidentKey).ownerChain,
      }));
      for (const batch of chunks(deploymentRows))
        await trx('dora_deployment_facts').insert(batch);
      for (const batch of chunks(recoveryRows))
        await trx('dora_recovery_facts').insert(batch);
      for (const batch of chunks(incidentRows))
        await trx('dora_incident_facts').insert(batch);
      await trx('dora_entity_state')
        .insert({
          entity_ref: entityRef,
          version: stored.version,
          computed_version: stored.version,
          computed_at: Date.now(),
        })
        .onConflict('entity_ref')
        .merge(['computed_version', 'computed_at']);
    }),
  );
}

/**
 * A LIKE pattern on the JSON owner chain: the quotes make it match whole refs
 * only; `directOnly` anchors it to the first element, the owner itself.
 */
function ownerChainPattern(groupRef: string, directOnly: boolean) {
  const quoted = JSON.stringify(groupRef).replace(/[!%_]/g, m => `!${m}`);
  return directOnly ? `[${quoted}%` : `%${quoted}%`;
}

type Row = Record<string, any>;

// Most deployments ship no pull request: one shared value for them, frozen
// to the arrays, since reports only read it.
const noSamples = () => Object.freeze([]) as readonly number[] as number[];
const NO_STAGES: DeploymentFact['stages'] = Object.freeze({
  coding: noSamples(),
  pickup: noSamples(),
  review: noSamples(),
  deploy: noSamples(),
});
const NO_STAGES_JSON = JSON.stringify(NO_STAGES);

function scoped(
  query: Knex.QueryBuilder,
  scope: FactScope,
  entityRefs?: readonly string[],
): Knex.QueryBuilder<Row, Row[]> {
  if ('ownerGroup' in scope) {
    // '!' escapes: a backslash means different things in MySQL and PostgreSQL literals.
    return query.whereRaw("owner_chain LIKE ? ESCAPE '!'", [
      ownerChainPattern(scope.ownerGroup, scope.directOnly ?? false),
    ]);
  }
  return query.whereIn('entity_ref', entityRefs ?? scope.entityRefs);
}

/**
 * Facts that can matter to windows inside `[from, to)`: deployments and
 * recoveries in it, and incidents not resolved before it starts.
 */
export async function loadFacts(
  db: Knex,
  scope: FactScope,
  from: number,
  to: number,
): Promise<FactPool> {
  const pool = {
    deployments: [] as PooledDeployment[],
    recoveries: [] as RecoveryFact[],
    incidents: [] as IncidentFact[],
  };
  const refBatches =
    'entityRefs' in scope ? chunks(scope.entityRefs, 500) : [undefined];
  for (const refs of refBatches) {
    if (refs && refs.length === 0) continue;
    // Reports never list shipped commits: that column stays unread here.
    const [deployments, recoveries, incidents] = await Promise.all([
      scoped(db('dora_deployment_facts'), scope, refs)
        .select(
          'entity_ref',
          'deployment_id',
          'finished_at',
          'failed',
          'unplanned',
          'commits_unknown',
          'clock_skewed',
          'lead_times',
          'stages',
        )
        .where('finished_at', '>=', from)
        .where('finished_at', '<', to),
      scoped(db('dora_recovery_facts'), scope, refs)
        .select(
          'entity_ref',
          'kind',
          'at',
          'hours',
          'deployment_id',
          'recovered_by',
        )
        .where('at', '>=', from)
        .where('at', '<', to),
      scoped(db('dora_incident_facts'), scope, refs)
        .select(
          'entity_ref',
          'incident_id',
          'started_at',
          'resolved_at',
          'linked_deployment_id',
          'linked_by',
        )
        .where('started_at', '<', to)
        .where(q =>
          q.whereNull('resolved_at').orWhere('resolved_at', '>=', from),
        ),
    ]);
    pool.deployments.push(
      ...deployments.map(r => ({
        entityRef: r.entity_ref,
        deploymentKey: String(r.deployment_id),
        finishedAt: Number(r.finished_at),
        failed: Boolean(r.failed),
        unplanned: Boolean(r.unplanned),
        commitsUnknown: Boolean(r.commits_unknown),
        clockSkewed: Number(r.clock_skewed),
        leadTimes: JSON.parse(r.lead_times),
        stages: r.stages === NO_STAGES_JSON ? NO_STAGES : JSON.parse(r.stages),
      })),
    );
    pool.recoveries.push(
      ...recoveries.map(r => ({
        entityRef: r.entity_ref,
        kind: r.kind,
        at: Number(r.at),
        hours: Number(r.hours),
        deploymentKey: String(r.deployment_id),
        recoveredBy: r.recovered_by,
      })),
    );
    pool.incidents.push(
      ...incidents.map(r => ({
        entityRef: r.entity_ref,
        incidentKey: String(r.incident_id),
        startedAt: Number(r.started_at),
        resolvedAt: num(r.resolved_at),
        linkedDeployment:
          r.linked_deployment_id === null
            ? null
            : String(r.linked_deployment_id),
        linkedBy: r.linked_by,
      })),
    );
  }
  return pool;
}

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

import { DeploymentKind } from '@dora-metrics/plugin-dora-common';
import { Knex } from 'knex';
import type {
  ChangeRecord,
  DeploymentRecord,
  EntityFacts,
  IncidentRecord,
} from '../metrics/types';
import { retryOnConflict } from './conflictRetry';
import { chunks } from './statementChunks';
import {
  ChangeEventRow,
  DeploymentEventRow,
  DeploymentFactRow,
  EntityStateRow,
  IncidentEventRow,
  IncidentFactRow,
  numberOrNull as num,
  RecoveryFactRow,
} from './tables';
import { HistoryRequest, StoredHistory } from './types';

/** An event as attributed to one entity, with the owners it had then. */
type Attributed<Row> = Row & { attributed_to: string; owner_chain: string };

type EventColumns = 'id' | 'event_key' | 'source' | 'external_id';

type DeploymentHistoryRow = Attributed<
  Pick<
    DeploymentEventRow,
    | EventColumns
    | 'environment'
    | 'status'
    | 'kind'
    | 'finished_at'
    | 'sha'
    | 'repository'
    | 'rollback_of'
    | 'commits'
  >
>;

type IncidentHistoryRow = Attributed<
  Pick<
    IncidentEventRow,
    | EventColumns
    | 'started_at'
    | 'resolved_at'
    | 'cause_deployment_id'
    | 'cause_sha'
  >
>;

function groupByEntity<Row extends { attributed_to: string }>(rows: Row[]) {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.attributed_to);
    if (group) group.push(row);
    else groups.set(row.attributed_to, [row]);
  }
  return groups;
}

/** Commits of `repositories`, by repository, then by sha. */
async function loadChanges(db: Knex, repositories: string[]) {
  const changes = new Map<string, Map<string, ChangeRecord>>(
    repositories.map(r => [r, new Map()]),
  );
  for (const batch of chunks(repositories, 500)) {
    const rows: Omit<
      ChangeEventRow,
      'id' | 'source' | 'parents' | 'content_hash' | 'received_at'
    >[] = await db('dora_changes')
      .whereIn('repository', batch)
      .select(
        'repository',
        'sha',
        'committed_at',
        'authored_at',
        'first_parent',
        'pr_number',
        'pr_created_at',
        'pr_first_review_at',
        'pr_merged_at',
        'pr_first_commit_at',
        'automated',
        'revert_of',
        'revert_of_pr',
      );
    for (const r of rows) {
      changes.get(r.repository)!.set(r.sha, {
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
                firstCommitAt: num(r.pr_first_commit_at),
              },
        automated: Boolean(r.automated),
        revertOf: r.revert_of,
        revertOfPullRequest: num(r.revert_of_pr),
      });
    }
  }
  return changes;
}

// Commits stored before automated changes were known carry no flag, and
// before pull request commits no pull request; a revert carries what it
// reverts (`revertOf`), kept as stored.
const storedCommits = (
  commits: {
    sha: string;
    committedAt: number;
    authoredAt: number | null;
    automated?: boolean;
    revertOf?: string;
    pullRequest?: {
      number: number;
      createdAt: number | null;
      firstReviewAt: number | null;
      mergedAt: number | null;
      firstCommitAt?: number | null;
    };
  }[],
) =>
  commits.map(({ pullRequest, automated, ...c }) => ({
    ...c,
    automated: automated === true,
    ...(pullRequest
      ? {
          pullRequest: {
            ...pullRequest,
            firstCommitAt: pullRequest.firstCommitAt ?? null,
          },
        }
      : {}),
  }));

const deploymentRecord = (r: DeploymentHistoryRow): DeploymentRecord => ({
  key: r.event_key,
  source: r.source,
  externalId: r.external_id,
  environment: r.environment,
  status: r.status,
  kind: r.kind as DeploymentKind,
  finishedAt: Number(r.finished_at),
  sha: r.sha,
  repository: r.repository,
  rollbackOf: r.rollback_of,
  commits: r.commits ? storedCommits(JSON.parse(r.commits)) : null,
});

const incidentRecord = (r: IncidentHistoryRow): IncidentRecord => ({
  key: r.event_key,
  source: r.source,
  externalId: r.external_id,
  startedAt: Number(r.started_at),
  resolvedAt: num(r.resolved_at),
  causeDeploymentId: r.cause_deployment_id,
  causeSha: r.cause_sha,
});

/**
 * Everything attributed to each requested entity, plus the commits of its
 * repositories: a few statements for the whole batch, so that a full
 * recompute costs statements per batch, not per entity.
 */
export async function loadHistories(
  db: Knex,
  requests: readonly HistoryRequest[],
): Promise<StoredHistory[]> {
  const refs = requests.map(r => r.entityRef);
  // Only the columns derivation reads: a full recompute reads every row.
  const attributed = (type: string, table: string, columns: string[]) =>
    db(`${table} as e`)
      .join('dora_attributions as a', function joinOn() {
        this.on('a.event_id', '=', 'e.id').andOn(
          'a.event_type',
          '=',
          db.raw('?', [type]),
        );
      })
      .whereIn('a.entity_ref', refs)
      .select(
        ...['id', 'event_key', 'source', 'external_id', ...columns].map(
          c => `e.${c}`,
        ),
        'a.entity_ref as attributed_to',
        'a.owner_chain',
      );
  // The versions first: events written after this read raise them, so the
  // history read next is at least as new as the version it is labelled
  // with, and replaceFacts can tell an older derivation from a newer one.
  const states: Pick<EntityStateRow, 'entity_ref' | 'version'>[] = await db(
    'dora_entity_state',
  )
    .whereIn('entity_ref', refs)
    .select('entity_ref', 'version');
  const [deploymentRows, incidentRows]: [
    DeploymentHistoryRow[],
    IncidentHistoryRow[],
  ] = await Promise.all([
    attributed('deployment', 'dora_deployments', [
      'environment',
      'status',
      'kind',
      'finished_at',
      'sha',
      'repository',
      'rollback_of',
      'commits',
    ]),
    attributed('incident', 'dora_incidents', [
      'started_at',
      'resolved_at',
      'cause_deployment_id',
      'cause_sha',
    ]),
  ]);
  const versions = new Map<string, number>(
    states.map(s => [s.entity_ref, Number(s.version)]),
  );
  const deploymentsOf = groupByEntity(deploymentRows);
  const incidentsOf = groupByEntity(incidentRows);
  const changes = await loadChanges(db, [
    ...new Set(
      deploymentRows.flatMap(r => (r.repository ? [r.repository] : [])),
    ),
  ]);

  return requests.map(({ entityRef, productionEnvironments }) => {
    const events = new Map<string, { id: number; ownerChain: string }>();
    const remember = (r: DeploymentHistoryRow | IncidentHistoryRow) =>
      events.set(r.event_key, { id: Number(r.id), ownerChain: r.owner_chain });
    const deploymentRowsOf = deploymentsOf.get(entityRef) ?? [];
    const incidentRowsOf = incidentsOf.get(entityRef) ?? [];
    deploymentRowsOf.forEach(remember);
    incidentRowsOf.forEach(remember);
    const deployments = deploymentRowsOf.map(deploymentRecord);
    const ownChanges = new Map<string, ReadonlyMap<string, ChangeRecord>>();
    for (const d of deployments) {
      if (d.repository)
        ownChanges.set(d.repository, changes.get(d.repository)!);
    }
    return {
      history: {
        entityRef,
        productionEnvironments,
        deployments,
        incidents: incidentRowsOf.map(incidentRecord),
        changes: ownChanges,
      },
      events,
      version: versions.get(entityRef) ?? 0,
    };
  });
}

/**
 * Replaces the facts of a batch of entities in one transaction. The state
 * rows are locked first, in ref order, so that two replicas deriving
 * overlapping batches take turns instead of colliding or deadlocking.
 *
 * Facts derived from an older version than the stored ones are dropped: two
 * replicas derive the same entity after their own writes, and the one that
 * loaded its history first may commit last; its facts must not replace the
 * newer ones (which would leave the entity dirty until the next reconcile).
 */
export async function replaceFacts(
  db: Knex,
  derived: readonly { stored: StoredHistory; facts: EntityFacts }[],
) {
  const computedAt = Date.now();
  await retryOnConflict(() =>
    db.transaction(async trx => {
      const locked: Pick<
        EntityStateRow,
        'entity_ref' | 'facts_revision' | 'computed_version'
      >[] = await trx('dora_entity_state')
        .whereIn(
          'entity_ref',
          derived.map(d => d.facts.entityRef),
        )
        .orderBy('entity_ref')
        .forUpdate()
        .select('entity_ref', 'facts_revision', 'computed_version');
      const stateOf = new Map(locked.map(s => [s.entity_ref, s]));
      const newer = derived.filter(
        ({ stored, facts }) =>
          Number(stateOf.get(facts.entityRef)?.computed_version ?? 0) <=
          stored.version,
      );
      await writeFacts(trx, newer, stateOf, computedAt);
    }),
  );
}

async function writeFacts(
  trx: Knex.Transaction,
  derived: readonly { stored: StoredHistory; facts: EntityFacts }[],
  stateOf: ReadonlyMap<string, Pick<EntityStateRow, 'facts_revision'>>,
  computedAt: number,
) {
  const refs = derived.map(d => d.facts.entityRef).sort();
  const deploymentRows: DeploymentFactRow[] = [];
  const recoveryRows: RecoveryFactRow[] = [];
  const incidentRows: IncidentFactRow[] = [];
  for (const { stored, facts } of derived) {
    const { entityRef } = facts;
    const event = (key: string) => stored.events.get(key)!;
    for (const d of facts.deployments) {
      deploymentRows.push({
        entity_ref: entityRef,
        deployment_id: event(d.deploymentKey).id,
        finished_at: d.finishedAt,
        failed: d.failed,
        unplanned: d.unplanned,
        commits_unknown: d.commitsUnknown,
        clock_skewed: d.clockSkewed,
        automated_excluded: d.automatedExcluded,
        lead_times: JSON.stringify(d.leadTimes),
        stages: JSON.stringify(d.stages),
        commits: JSON.stringify(d.commits),
        owner_chain: event(d.deploymentKey).ownerChain,
      });
    }
    for (const r of facts.recoveries) {
      recoveryRows.push({
        entity_ref: entityRef,
        kind: r.kind,
        at: r.at,
        hours: r.hours,
        deployment_id: event(r.deploymentKey).id,
        recovered_by: r.recoveredBy,
        owner_chain: event(r.deploymentKey).ownerChain,
      });
    }
    for (const i of facts.incidents) {
      incidentRows.push({
        entity_ref: entityRef,
        incident_id: event(i.incidentKey).id,
        started_at: i.startedAt,
        resolved_at: i.resolvedAt,
        linked_deployment_id: i.linkedDeployment
          ? event(i.linkedDeployment).id
          : null,
        linked_by: i.linkedBy,
        owner_chain: event(i.incidentKey).ownerChain,
      });
    }
  }
  const states = derived.map(({ stored, facts }) => ({
    entity_ref: facts.entityRef,
    version: stored.version,
    computed_version: stored.version,
    computed_at: computedAt,
    facts_revision:
      Number(stateOf.get(facts.entityRef)?.facts_revision ?? 0) + 1,
  }));
  for (const table of [
    'dora_deployment_facts',
    'dora_recovery_facts',
    'dora_incident_facts',
  ]) {
    for (const batch of chunks(refs))
      await trx(table).whereIn('entity_ref', batch).delete();
  }
  for (const batch of chunks(deploymentRows))
    await trx('dora_deployment_facts').insert(batch);
  for (const batch of chunks(recoveryRows))
    await trx('dora_recovery_facts').insert(batch);
  for (const batch of chunks(incidentRows))
    await trx('dora_incident_facts').insert(batch);
  for (const batch of chunks(states))
    await trx('dora_entity_state')
      .insert(batch)
      .onConflict('entity_ref')
      .merge(['computed_version', 'computed_at', 'facts_revision']);
}

/**
 * A token of each entity's facts that changes whenever they are replaced:
 * their revision, and when they were derived, should the store have been
 * emptied and filled again. Entities never derived are absent.
 */
export async function factRevisions(
  db: Knex,
  entityRefs: readonly string[],
): Promise<Map<string, string>> {
  const revisions = new Map<string, string>();
  for (const batch of chunks(entityRefs, 500)) {
    const rows: Pick<
      EntityStateRow,
      'entity_ref' | 'facts_revision' | 'computed_at'
    >[] = await db('dora_entity_state')
      .whereIn('entity_ref', batch)
      .select('entity_ref', 'facts_revision', 'computed_at');
    for (const r of rows)
      revisions.set(r.entity_ref, `${r.facts_revision}/${r.computed_at}`);
  }
  return revisions;
}

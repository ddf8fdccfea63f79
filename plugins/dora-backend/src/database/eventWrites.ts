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
import type { Attribution } from '../attribution/attribute';
import { retryOnConflict } from './conflictRetry';
import { KeyedTable, StoredRow, writeKeyedRows } from './keyedRows';
import { chunks } from './statementChunks';
import {
  Attributed,
  ChangeRow,
  DeploymentRow,
  EventType,
  IncidentRow,
  UpsertResult,
} from './types';
import { AttributionRow, ChangeEventRow, DeploymentEventRow } from './tables';

const json = (value: unknown) =>
  value === null ? null : JSON.stringify(value);

function deploymentColumns(row: DeploymentRow) {
  return {
    event_key: row.eventKey,
    source: row.source,
    external_id: row.externalId,
    entity_ref: row.entityRef,
    repository: row.repository,
    environment: row.environment,
    status: row.status,
    kind: row.kind,
    started_at: row.startedAt,
    finished_at: row.finishedAt,
    sha: row.sha,
    rollback_of: row.rollbackOf,
    commits: json(row.commits),
    url: row.url,
  };
}

function incidentColumns(row: IncidentRow) {
  return {
    event_key: row.eventKey,
    source: row.source,
    external_id: row.externalId,
    entity_ref: row.entityRef,
    service: row.service,
    title: row.title,
    severity: row.severity,
    started_at: row.startedAt,
    resolved_at: row.resolvedAt,
    cause_deployment_id: row.causeDeploymentId,
    cause_sha: row.causeSha,
    url: row.url,
    reopened_at: row.reopenedAt ?? null,
  };
}

/** Stored rows of a table keyed by `event_key`. */
async function storedByEventKey(
  trx: Knex.Transaction,
  table: string,
  eventKeys: readonly string[],
) {
  const stored = new Map<string, StoredRow>();
  for (const keys of chunks([...new Set(eventKeys)])) {
    const rows: Pick<
      DeploymentEventRow,
      'id' | 'event_key' | 'content_hash'
    >[] = await trx(table)
      .select('id', 'event_key', 'content_hash')
      .whereIn('event_key', keys);
    for (const r of rows)
      stored.set(r.event_key, { id: Number(r.id), hash: r.content_hash });
  }
  return stored;
}

const EVENT_TABLES: Record<EventType, string> = {
  deployment: 'dora_deployments',
  incident: 'dora_incidents',
};

/**
 * Stores a batch of keyed events in transaction `trx` (see
 * {@link writeKeyedRows}); a written event's attributions are replaced, and
 * the entities it belonged to before and after get dirty.
 */
async function writeKeyedEventsIn<T extends { eventKey: string }>(
  trx: Knex.Transaction,
  eventType: EventType,
  items: Attributed<T>[],
  columns: (row: T) => Record<string, unknown>,
  now: number,
  rowsRead?: ReadonlyMap<string, StoredRow>,
): Promise<UpsertResult> {
  const table = EVENT_TABLES[eventType];
  const spec: KeyedTable<Attributed<T>> = {
    table,
    key: item => item.row.eventKey,
    columns: item => columns(item.row),
    stored: (_trx, batch) =>
      rowsRead
        ? Promise.resolve(rowsRead)
        : storedByEventKey(
            trx,
            table,
            batch.map(i => i.row.eventKey),
          ),
  };
  const { outcomes, written } = await writeKeyedRows(trx, spec, items, now);
  const ids = await storedByEventKey(
    trx,
    table,
    written.map(i => i.row.eventKey),
  );
  const affected = new Set<string>();
  for (const batch of chunks([...ids.values()].map(r => r.id))) {
    const old: Pick<AttributionRow, 'entity_ref'>[] = await trx(
      'dora_attributions',
    )
      .select('entity_ref')
      .where('event_type', eventType)
      .whereIn('event_id', batch);
    old.forEach(r => affected.add(r.entity_ref));
    await trx('dora_attributions')
      .where('event_type', eventType)
      .whereIn('event_id', batch)
      .delete();
  }
  const attributionRows = written.flatMap(({ row, attributions }) =>
    attributionColumns(eventType, ids.get(row.eventKey)!.id, attributions, now),
  );
  attributionRows.forEach(r => affected.add(r.entity_ref));
  for (const batch of chunks(attributionRows))
    await trx('dora_attributions').insert(batch);
  await markDirtyIn(trx, [...affected]);
  return { outcomes, affectedEntities: [...affected] };
}

/*
 * The writes of one transaction, for callers that run their own. With
 * `rowsRead` (the rows a merge locked, see mergeTransaction.ts) the write
 * compares with those instead of reading the table again.
 */

export const writeDeploymentRowsIn = (
  trx: Knex.Transaction,
  items: Attributed<DeploymentRow>[],
  now: number,
  rowsRead?: ReadonlyMap<string, StoredRow>,
) =>
  writeKeyedEventsIn(
    trx,
    'deployment',
    items,
    deploymentColumns,
    now,
    rowsRead,
  );

export const writeIncidentRowsIn = (
  trx: Knex.Transaction,
  items: Attributed<IncidentRow>[],
  now: number,
  rowsRead?: ReadonlyMap<string, StoredRow>,
) => writeKeyedEventsIn(trx, 'incident', items, incidentColumns, now, rowsRead);

export function attributionColumns(
  eventType: EventType,
  eventId: number,
  attributions: Attribution[],
  now: number,
) {
  return attributions.map(a => ({
    event_type: eventType,
    event_id: eventId,
    entity_ref: a.entityRef,
    matched_by: a.matchedBy,
    owner_chain: JSON.stringify(a.ownerChain),
    attributed_at: now,
  }));
}

export async function markDirtyIn(db: Knex, entityRefs: readonly string[]) {
  // Sorted: two transactions locking the same rows in one order cannot deadlock.
  for (const batch of chunks([...new Set(entityRefs)].sort())) {
    if (batch.length === 0) continue;
    await db('dora_entity_state')
      .insert(
        batch.map(entity_ref => ({
          entity_ref,
          version: 1,
          computed_version: 0,
        })),
      )
      .onConflict('entity_ref')
      .merge({ version: db.raw('?? + 1', ['dora_entity_state.version']) });
  }
}

// Each in a transaction of its own; another replica may store the same new
// keys at the same time, which makes one of the two start over.
export const upsertDeploymentRows = (
  db: Knex,
  items: Attributed<DeploymentRow>[],
  now: number,
) =>
  retryOnConflict(() =>
    db.transaction(trx => writeDeploymentRowsIn(trx, items, now)),
  );

export const upsertIncidentRows = (
  db: Knex,
  items: Attributed<IncidentRow>[],
  now: number,
) =>
  retryOnConflict(() =>
    db.transaction(trx => writeIncidentRowsIn(trx, items, now)),
  );

export const changeKey = (r: { repository: string; sha: string }) =>
  `${r.repository}\n${r.sha}`;

const CHANGES: KeyedTable<ChangeRow> = {
  table: 'dora_changes',
  key: changeKey,
  columns: r => ({
    source: r.source,
    repository: r.repository,
    sha: r.sha,
    committed_at: r.committedAt,
    authored_at: r.authoredAt,
    first_parent: r.parents[0] ?? null,
    parents: JSON.stringify(r.parents),
    pr_number: r.pullRequest?.number ?? null,
    pr_created_at: r.pullRequest?.createdAt ?? null,
    pr_first_review_at: r.pullRequest?.firstReviewAt ?? null,
    pr_merged_at: r.pullRequest?.mergedAt ?? null,
    pr_first_commit_at: r.pullRequest?.firstCommitAt ?? null,
    automated: r.automated,
    revert_of: r.revertOf ?? null,
    revert_of_pr: r.revertOfPullRequest ?? null,
  }),
  async stored(trx, rows) {
    const stored = new Map<string, StoredRow>();
    // By repository: the unique index leads with it.
    for (const repository of new Set(rows.map(r => r.repository))) {
      const shas = rows
        .filter(r => r.repository === repository)
        .map(r => r.sha);
      for (const batch of chunks([...new Set(shas)])) {
        const found: Pick<
          ChangeEventRow,
          'id' | 'repository' | 'sha' | 'content_hash'
        >[] = await trx('dora_changes')
          .select('id', 'repository', 'sha', 'content_hash')
          .where('repository', repository)
          .whereIn('sha', batch);
        for (const f of found)
          stored.set(changeKey(f), { id: Number(f.id), hash: f.content_hash });
      }
    }
    return stored;
  },
};

/**
 * Commits are keyed by repository and sha. A new or changed commit can change
 * what deployments of that repository shipped, so their entities get dirty.
 */
export async function writeChangeRowsIn(
  trx: Knex.Transaction,
  rows: ChangeRow[],
  now: number,
  rowsRead?: ReadonlyMap<string, StoredRow>,
): Promise<UpsertResult> {
  const spec: KeyedTable<ChangeRow> = rowsRead
    ? {
        ...CHANGES,
        stored: async () => rowsRead,
      }
    : CHANGES;
  const { outcomes, written } = await writeKeyedRows(trx, spec, rows, now);
  const repositories = [...new Set(written.map(r => r.repository))];
  const affected = new Set<string>();
  for (const batch of chunks(repositories)) {
    const refs: Pick<AttributionRow, 'entity_ref'>[] = await trx(
      'dora_attributions as a',
    )
      .join('dora_deployments as d', 'd.id', 'a.event_id')
      .where('a.event_type', 'deployment')
      .whereIn('d.repository', batch)
      .distinct('a.entity_ref');
    refs.forEach(r => affected.add(r.entity_ref));
  }
  await markDirtyIn(trx, [...affected]);
  return { outcomes, affectedEntities: [...affected] };
}

export const upsertChangeRows = (db: Knex, rows: ChangeRow[], now: number) =>
  retryOnConflict(() =>
    db.transaction(trx => writeChangeRowsIn(trx, rows, now)),
  );

import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { chunks as sliceInto } from '../lib/chunks';
import type { Attribution } from '../attribution/attribute';
import { retryOnConflict } from './conflictRetry';
import {
  Attributed,
  ChangeRow,
  DeploymentRow,
  EventType,
  IncidentRow,
  UpsertOutcome,
  UpsertResult,
} from './types';

// Stays under every engine's bound-parameter limit with rows of ~20 columns.
export const CHUNK = 200;

/** Slices of at most {@link CHUNK} rows, one statement each. */
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  return sliceInto(items, size);
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

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
  };
}

const TABLES: Record<EventType, string> = {
  deployment: 'dora_deployments',
  incident: 'dora_incidents',
};

/**
 * Stores a batch of keyed events in one transaction: new keys are inserted,
 * changed content updates the row and its attribution, identical content is a
 * duplicate and changes nothing. Later items of a batch win over earlier ones.
 */
export async function upsertKeyedEvents<T extends { eventKey: string }>(
  db: Knex,
  eventType: EventType,
  items: Attributed<T>[],
  columns: (row: T) => Record<string, unknown>,
  now: number,
): Promise<UpsertResult> {
  const table = TABLES[eventType];
  // Another replica may store the same new keys at the same time.
  return retryOnConflict(() =>
    upsertKeyedEventsOnce(db, table, eventType, items, columns, now),
  );
}

function upsertKeyedEventsOnce<T extends { eventKey: string }>(
  db: Knex,
  table: string,
  eventType: EventType,
  items: Attributed<T>[],
  columns: (row: T) => Record<string, unknown>,
  now: number,
): Promise<UpsertResult> {
  return db.transaction(async trx => {
    const existing = new Map<string, { id: number; hash: string }>();
    for (const keys of chunks([...new Set(items.map(i => i.row.eventKey))])) {
      const rows = await trx(table)
        .select('id', 'event_key', 'content_hash')
        .whereIn('event_key', keys);
      for (const r of rows)
        existing.set(r.event_key, { id: Number(r.id), hash: r.content_hash });
    }

    const latest = new Map<
      string,
      { values: Record<string, unknown>; attributions: Attribution[] }
    >();
    const outcomes: UpsertOutcome[] = items.map(({ row, attributions }) => {
      const values = {
        ...columns(row),
        content_hash: contentHash(columns(row)),
      };
      const before =
        latest.get(row.eventKey)?.values.content_hash ??
        existing.get(row.eventKey)?.hash;
      latest.set(row.eventKey, { values, attributions });
      if (before === undefined) return 'accepted';
      return before === values.content_hash ? 'duplicate' : 'updated';
    });

    const affected = new Set<string>();
    const changed = [...latest.entries()].filter(
      ([key, { values }]) => existing.get(key)?.hash !== values.content_hash,
    );
    const inserts = changed.filter(([key]) => !existing.has(key));
    for (const batch of chunks(inserts)) {
      await trx(table).insert(
        batch.map(([, { values }]) => ({ ...values, received_at: now })),
      );
    }
    for (const [key, { values }] of changed) {
      const prior = existing.get(key);
      if (prior)
        await trx(table)
          .where('id', prior.id)
          .update({ ...values, received_at: now });
    }
    const ids = new Map<string, number>();
    for (const keys of chunks(changed.map(([key]) => key))) {
      for (const r of await trx(table)
        .select('id', 'event_key')
        .whereIn('event_key', keys)) {
        ids.set(r.event_key, Number(r.id));
      }
    }

    const changedIds = [...ids.values()];
    for (const batch of chunks(changedIds)) {
      const old = await trx('dora_attributions')
        .select('entity_ref')
        .where('event_type', eventType)
        .whereIn('event_id', batch);
      old.forEach(r => affected.add(r.entity_ref));
      await trx('dora_attributions')
        .where('event_type', eventType)
        .whereIn('event_id', batch)
        .delete();
    }
    const attributionRows = changed.flatMap(([key, { attributions }]) =>
      attributionColumns(eventType, ids.get(key)!, attributions, now),
    );
    attributionRows.forEach(r => affected.add(r.entity_ref));
    for (const batch of chunks(attributionRows))
      await trx('dora_attributions').insert(batch);
    await markDirtyIn(trx, [...affected]);
    return { outcomes, affectedEntities: [...affected] };
  });
}

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

export const upsertDeploymentRows = (
  db: Knex,
  items: Attributed<DeploymentRow>[],
  now: number,
) => upsertKeyedEvents(db, 'deployment', items, deploymentColumns, now);

export const upsertIncidentRows = (
  db: Knex,
  items: Attributed<IncidentRow>[],
  now: number,
) => upsertKeyedEvents(db, 'incident', items, incidentColumns, now);

/**
 * Commits are keyed by repository and sha. A new or changed commit can change
 * what deployments of that repository shipped, so their entities get dirty.
 */
export async function upsertChangeRows(
  db: Knex,
  rows: ChangeRow[],
  now: number,
): Promise<UpsertResult> {
  return retryOnConflict(() => upsertChangeRowsOnce(db, rows, now));
}

function upsertChangeRowsOnce(
  db: Knex,
  rows: ChangeRow[],
  now: number,
): Promise<UpsertResult> {
  return db.transaction(async trx => {
    const columns = (r: ChangeRow) => ({
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
    });
    const key = (r: { repository: string; sha: string }) =>
      `${r.repository}\n${r.sha}`;
    const existing = new Map<string, { id: number; hash: string }>();
    for (const repository of new Set(rows.map(r => r.repository))) {
      const shas = rows
        .filter(r => r.repository === repository)
        .map(r => r.sha);
      for (const batch of chunks([...new Set(shas)])) {
        const found = await trx('dora_changes')
          .select('id', 'repository', 'sha', 'content_hash')
          .where('repository', repository)
          .whereIn('sha', batch);
        for (const f of found)
          existing.set(key(f), { id: Number(f.id), hash: f.content_hash });
      }
    }
    const latest = new Map<string, Record<string, unknown>>();
    const outcomes: UpsertOutcome[] = rows.map(r => {
      const values = { ...columns(r), content_hash: contentHash(columns(r)) };
      const before =
        (latest.get(key(r))?.content_hash as string) ??
        existing.get(key(r))?.hash;
      latest.set(key(r), values);
      if (before === undefined) return 'accepted';
      return before === values.content_hash ? 'duplicate' : 'updated';
    });
    const changed = [...latest.entries()].filter(
      ([k, v]) => existing.get(k)?.hash !== v.content_hash,
    );
    const inserts = changed
      .filter(([k]) => !existing.has(k))
      .map(([, v]) => ({ ...v, received_at: now }));
    for (const batch of chunks(inserts))
      await trx('dora_changes').insert(batch);
    for (const [k, v] of changed) {
      const prior = existing.get(k);
      if (prior)
        await trx('dora_changes')
          .where('id', prior.id)
          .update({ ...v, received_at: now });
    }
    const repositories = [
      ...new Set(changed.map(([, v]) => v.repository as string)),
    ];
    const affected = new Set<string>();
    for (const batch of chunks(repositories)) {
      const refs = await trx('dora_attributions as a')
        .join('dora_deployments as d', 'd.id', 'a.event_id')
        .where('a.event_type', 'deployment')
        .whereIn('d.repository', batch)
        .distinct('a.entity_ref');
      refs.forEach(r => affected.add(r.entity_ref));
    }
    await markDirtyIn(trx, [...affected]);
    return { outcomes, affectedEntities: [...affected] };
  });
}

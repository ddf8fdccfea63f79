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

import { InputError } from '@backstage/errors';
import {
  DeploymentView,
  IncidentView,
  Page,
} from '@dora-metrics/plugin-dora-common';
import { Knex } from 'knex';
import {
  DbBoolean,
  DbInteger,
  DbJson,
  DeploymentEventRow,
  IncidentEventRow,
} from './tables';
import {
  EventListQuery,
  EventType,
  StoreDataQuality,
  StoredDeploymentView,
  UnattributedEvent,
} from './types';

const iso = (ms: DbInteger | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();

type Cursor = { at: number; id: number };

/** The largest id of an event table (`increments`: a signed 32-bit integer). */
const MAX_EVENT_ID = 2_147_483_647;

function encodeCursor(c: Cursor) {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const [at, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    );
    // Only what encodeCursor can produce: a forged fraction, a number past
    // 64-bit milliseconds or an id past the 32-bit id columns would be sent
    // to the database, which PostgreSQL refuses with a 500.
    if (Number.isSafeInteger(at) && Number.isInteger(id) && id >= 0) {
      if (id <= MAX_EVENT_ID) return { at, id };
    }
  } catch {
    // reported below
  }
  throw new InputError('cursor: not a cursor returned by this API');
}

/** A deployment listed for an entity, with its fact when it was counted. */
type ListedDeploymentRow = DeploymentEventRow & {
  attributed_to: string;
  failed: DbBoolean | null;
  shipped: DbJson | null;
  fact_id: DbInteger | null;
};

/** An incident listed for an entity, with the deployment it is linked to. */
type ListedIncidentRow = IncidentEventRow & {
  attributed_to: string;
  linked_by: IncidentView['linkedBy'];
  linked_key: string | null;
};

/** Newest first, keyed on (time, id) so that pages never skip or repeat. */
async function page<Row>(
  query: Knex.QueryBuilder,
  timeColumn: string,
  idColumn: string,
  q: EventListQuery,
): Promise<Row[]> {
  query
    .where(timeColumn, '>=', q.from)
    .where(timeColumn, '<', q.to)
    .orderBy([
      { column: timeColumn, order: 'desc' },
      { column: idColumn, order: 'desc' },
    ])
    .limit(q.limit + 1);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    query.where(w =>
      w
        .where(timeColumn, '<', c.at)
        .orWhere(x => x.where(timeColumn, c.at).where(idColumn, '<', c.id)),
    );
  }
  return await query;
}

function nextCursor<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor) {
  return rows.length > limit ? encodeCursor(cursorOf(rows[limit - 1])) : null;
}

export async function listDeployments(
  db: Knex,
  q: EventListQuery,
): Promise<Page<StoredDeploymentView>> {
  const rows = await page<ListedDeploymentRow>(
    db('dora_deployments as d')
      .join('dora_attributions as a', function on() {
        this.on('a.event_id', 'd.id').andOn(
          'a.event_type',
          db.raw('?', ['deployment']),
        );
      })
      .leftJoin('dora_deployment_facts as f', function on() {
        this.on('f.deployment_id', 'd.id').andOn(
          'f.entity_ref',
          'a.entity_ref',
        );
      })
      .where('a.entity_ref', q.entityRef)
      .select(
        'd.*',
        'a.entity_ref as attributed_to',
        'f.failed',
        'f.commits as shipped',
        'f.deployment_id as fact_id',
      ),
    'd.finished_at',
    'd.id',
    q,
  );
  const items = rows.slice(0, q.limit);
  const links: { linked_deployment_id: DbInteger; event_key: string }[] =
    await db('dora_incident_facts as f')
      .join('dora_incidents as i', 'i.id', 'f.incident_id')
      .where('f.entity_ref', q.entityRef)
      .whereIn(
        'f.linked_deployment_id',
        items.map(r => r.id),
      )
      .select('f.linked_deployment_id', 'i.event_key')
      // By key, not by arrival: the same events must read the same however
      // they were delivered.
      .orderBy('i.event_key');
  return {
    items: items.map(r => {
      const commits: DeploymentView['commits'] = r.shipped
        ? JSON.parse(r.shipped)
        : [];
      return {
        source: r.source,
        id: r.external_id,
        entityRef: r.attributed_to,
        environment: r.environment,
        status: r.status,
        kind: r.kind,
        sha: r.sha,
        startedAt: iso(r.started_at),
        finishedAt: iso(r.finished_at)!,
        url: r.url,
        counted: r.fact_id !== null,
        failed: Boolean(r.failed),
        rollbackOf: r.rollback_of,
        linkedIncidents: links
          .filter(l => Number(l.linked_deployment_id) === Number(r.id))
          .map(l => l.event_key),
        commits: commits.map(c => ({ ...c, committedAt: iso(c.committedAt)! })),
      };
    }),
    nextCursor: nextCursor(rows, q.limit, r => ({
      at: Number(r.finished_at),
      id: Number(r.id),
    })),
  };
}

export async function listIncidents(
  db: Knex,
  q: EventListQuery,
): Promise<Page<IncidentView>> {
  const rows = await page<ListedIncidentRow>(
    db('dora_incidents as i')
      .join('dora_attributions as a', function on() {
        this.on('a.event_id', 'i.id').andOn(
          'a.event_type',
          db.raw('?', ['incident']),
        );
      })
      .leftJoin('dora_incident_facts as f', function on() {
        this.on('f.incident_id', 'i.id').andOn('f.entity_ref', 'a.entity_ref');
      })
      .leftJoin('dora_deployments as d', 'd.id', 'f.linked_deployment_id')
      .where('a.entity_ref', q.entityRef)
      .select(
        'i.*',
        'a.entity_ref as attributed_to',
        'f.linked_by',
        'd.event_key as linked_key',
      ),
    'i.started_at',
    'i.id',
    q,
  );
  return {
    items: rows.slice(0, q.limit).map(r => ({
      source: r.source,
      id: r.external_id,
      entityRef: r.attributed_to,
      title: r.title,
      severity: r.severity,
      startedAt: iso(r.started_at)!,
      resolvedAt: iso(r.resolved_at),
      url: r.url,
      linkedDeployment: r.linked_key ?? null,
      linkedBy: r.linked_by ?? null,
    })),
    nextCursor: nextCursor(rows, q.limit, r => ({
      at: Number(r.started_at),
      id: Number(r.id),
    })),
  };
}

const unattributed = (db: Knex, table: string, type: string) =>
  db(`${table} as e`).whereNotExists(
    db('dora_attributions as a')
      .where('a.event_type', type)
      .whereRaw('a.event_id = e.id')
      .select(db.raw('1')),
  );

export async function listUnattributed(
  db: Knex,
  eventType: EventType,
  afterId: number,
  limit: number,
): Promise<UnattributedEvent[]> {
  const [table, matchColumn] =
    eventType === 'deployment'
      ? ['dora_deployments', 'repository']
      : ['dora_incidents', 'service'];
  const rows = await unattributed(db, table, eventType)
    .where('e.id', '>', afterId)
    .orderBy('e.id')
    .limit(limit)
    .select(
      'e.id',
      'e.event_key',
      'e.entity_ref',
      `e.${matchColumn} as match_key`,
    );
  const typed: (Pick<DeploymentEventRow, 'id' | 'event_key' | 'entity_ref'> & {
    match_key: string | null;
  })[] = rows;
  return typed.map(r => ({
    eventType,
    id: Number(r.id),
    eventKey: r.event_key,
    entityRef: r.entity_ref,
    matchKey: r.match_key,
  }));
}

const STALE_INCIDENT_MS = 7 * 86_400_000;

export async function dataQuality(
  db: Knex,
  now: number,
): Promise<StoreDataQuality> {
  const grouped = async (
    table: string,
    type: 'deployment' | 'incident',
    column: string,
  ) =>
    (
      await unattributed(db, table, type)
        .groupBy('e.source', `e.${column}`)
        .select('e.source', `e.${column} as match_key`, db.raw('count(*) as n'))
    ).map(r => ({
      eventType: type,
      source: r.source,
      matchKey: r.match_key,
      count: Number(r.n),
    }));
  const facts = await db('dora_deployment_facts')
    .sum({ skewed: 'clock_skewed' })
    .count({ unknown: db.raw('CASE WHEN commits_unknown THEN 1 END') })
    .first();
  const stale = await db('dora_incident_facts as f')
    .join('dora_incidents as i', 'i.id', 'f.incident_id')
    .whereNull('f.resolved_at')
    .where('f.started_at', '<', now - STALE_INCIDENT_MS)
    .orderBy('f.started_at')
    .select('f.entity_ref', 'i.source', 'i.external_id', 'f.started_at');
  return {
    unattributed: [
      ...(await grouped('dora_deployments', 'deployment', 'repository')),
      ...(await grouped('dora_incidents', 'incident', 'service')),
    ],
    clockSkewedChanges: Number(facts?.skewed ?? 0),
    deploymentsWithUnknownCommits: Number(facts?.unknown ?? 0),
    staleOpenIncidents: stale.map(r => ({
      entityRef: r.entity_ref,
      source: r.source,
      id: r.external_id,
      startedAt: iso(r.started_at)!,
    })),
  };
}

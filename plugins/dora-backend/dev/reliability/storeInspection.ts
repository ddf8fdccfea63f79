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

const sorted = (rows: unknown[]) => rows.map(r => JSON.stringify(r)).sort();

/**
 * The store as rows keyed by event keys instead of database ids (which
 * depend on arrival order), for comparing two stores that should hold the
 * same thing: raw events, attributions and derived facts.
 */
export async function storeSnapshot(db: Knex) {
  const events = async (table: string) =>
    sorted(
      (await db(table).select()).map(
        ({ id: _i, received_at: _r, ...rest }) => rest,
      ),
    );
  const key = (alias: string, type: string) =>
    db.raw('(select event_key from ?? where id = ??)', [
      type === 'deployment' ? 'dora_deployments' : 'dora_incidents',
      `${alias}`,
    ]);
  return {
    deployments: await events('dora_deployments'),
    incidents: await events('dora_incidents'),
    changes: await events('dora_changes'),
    attributions: sorted(
      await db('dora_attributions as a')
        .select('a.event_type', 'a.entity_ref', 'a.owner_chain')
        .select({
          event: db.raw(
            'case when a.event_type = ? then (select event_key from dora_deployments where id = a.event_id) ' +
              'else (select event_key from dora_incidents where id = a.event_id) end',
            ['deployment'],
          ),
        }),
    ),
    deploymentFacts: sorted(
      await db('dora_deployment_facts as f')
        .select(
          'f.entity_ref',
          'f.finished_at',
          'f.failed',
          'f.unplanned',
          'f.lead_times',
          'f.commits',
        )
        .select({ deployment: key('f.deployment_id', 'deployment') }),
    ),
    recoveryFacts: sorted(
      await db('dora_recovery_facts as f')
        .select('f.entity_ref', 'f.kind', 'f.at', 'f.hours', 'f.recovered_by')
        .select({ deployment: key('f.deployment_id', 'deployment') }),
    ),
    incidentFacts: sorted(
      await db('dora_incident_facts as f')
        .select('f.entity_ref', 'f.started_at', 'f.resolved_at', 'f.linked_by')
        .select({
          incident: key('f.incident_id', 'incident'),
          linked: key('f.linked_deployment_id', 'deployment'),
        }),
    ),
  };
}

/** Entities whose facts are behind their events. */
export async function dirtyCount(db: Knex): Promise<number> {
  const [row] = await db('dora_entity_state')
    .whereRaw('version > computed_version')
    .count({ n: '*' });
  return Number(row.n);
}

/** Stored deployments whose external id starts with `prefix`, and how many distinct. */
export async function countDeployments(db: Knex, prefix: string) {
  const [row] = await db('dora_deployments')
    .where('external_id', 'like', `${prefix}%`)
    .select(db.raw('count(*) as n, count(distinct event_key) as keys'));
  const [attributed] = await db('dora_attributions as a')
    .join('dora_deployments as d', 'd.id', 'a.event_id')
    .where('a.event_type', 'deployment')
    .where('d.external_id', 'like', `${prefix}%`)
    .count({ n: '*' });
  return {
    rows: Number(row.n),
    keys: Number(row.keys),
    attributions: Number(attributed.n),
  };
}

/** Whether a connection of the backend is inside its ingest transaction right now. */
export async function ingestTransactionOpen(admin: Knex, database: string) {
  const rows = await admin('pg_stat_activity')
    .where('datname', database)
    .whereNotNull('xact_start')
    .whereRaw('pid <> pg_backend_pid()')
    .where(q =>
      q
        .where('query', 'like', 'insert into "dora_deployments"%')
        .orWhere('query', 'like', 'insert into "dora_attributions"%')
        .orWhere('query', 'like', 'select "id", "event_key"%'),
    )
    .select('pid');
  return rows.length > 0;
}

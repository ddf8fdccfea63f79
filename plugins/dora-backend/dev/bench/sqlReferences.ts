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

import { resolve } from 'node:path';
import { Knex } from 'knex';
import { ServiceHistory } from './history';

const MIGRATIONS = resolve(__dirname, '..', '..', 'migrations');
const HASH = 'f'.repeat(64);

/** The rows of a `db.raw` answer: PostgreSQL's result object, or SQLite's rows. */
function rawRows(result: any): any[] {
  return Array.isArray(result) ? result : result.rows;
}

/** An empty copy of the plugin's schema (all migrations) for the plain INSERT. */
export async function migratePlain(db: Knex) {
  await db.migrate.latest({ directory: MIGRATIONS });
}

/** The raw event rows the push API stores for one service's history. */
export function plainRows(h: ServiceHistory, receivedAt: number) {
  const { repository, entityRef } = h.service;
  return {
    dora_changes: h.commits.map((c, i) => ({
      source: 'bench',
      repository,
      sha: c.sha,
      committed_at: c.committedAt,
      first_parent: i === 0 ? null : h.commits[i - 1].sha,
      parents: JSON.stringify(i === 0 ? [] : [h.commits[i - 1].sha]),
      content_hash: HASH,
      received_at: receivedAt,
    })),
    dora_deployments: h.deployments.map(d => ({
      event_key: `bench:${d.id}`,
      source: 'bench',
      external_id: d.id,
      repository,
      environment: d.environment,
      status: d.status,
      kind: d.kind,
      finished_at: d.finishedAt,
      sha: d.sha,
      content_hash: HASH,
      received_at: receivedAt,
    })),
    dora_incidents: h.incidents.map(i => ({
      event_key: `bench:${i.id}`,
      source: 'bench',
      external_id: i.id,
      entity_ref: entityRef,
      started_at: i.startedAt,
      resolved_at: i.resolvedAt,
      content_hash: HASH,
      received_at: receivedAt,
    })),
  };
}

/**
 * The lower bound of one `GET /v1/metrics`: a single query reading the
 * entity's stored facts of the window and of the previous window (which the
 * answer also reports), nothing computed.
 */
export async function readEntityFacts(
  db: Knex,
  entityRef: string,
  from: number,
  to: number,
) {
  const result = await db.raw(
    `SELECT 1 AS t, finished_at AS at, CASE WHEN failed THEN 1 ELSE 0 END AS f,
            CASE WHEN unplanned THEN 1 ELSE 0 END AS u, lead_times AS x
       FROM dora_deployment_facts
      WHERE entity_ref = ? AND finished_at >= ? AND finished_at < ?
     UNION ALL
     SELECT 2, at, 0, 0, kind FROM dora_recovery_facts
      WHERE entity_ref = ? AND at >= ? AND at < ?
     UNION ALL
     SELECT 3, started_at, 0, 0, linked_by FROM dora_incident_facts
      WHERE entity_ref = ? AND (resolved_at IS NULL OR resolved_at >= ?)
        AND started_at < ?`,
    [entityRef, from, to, entityRef, from, to, entityRef, from, to],
  );
  return rawRows(result);
}

/**
 * Before the reference is timed: its own index (commits by repository and
 * time; the plugin walks first parents and does not need it), and fresh
 * planner statistics, since the tables were filled moments ago.
 */
export async function prepareReference(db: Knex) {
  await db.raw(
    'CREATE INDEX IF NOT EXISTS bench_changes_time_idx ON dora_changes (repository, committed_at)',
  );
  await db.raw('ANALYZE');
}

/**
 * The set-based reference for a full recompute: one SQL statement over the
 * raw events computing, for every entity, the figures of the window (counted
 * deployments, failed ones, lead-time and recovery medians, unplanned ones).
 * Portable (PostgreSQL and SQLite): window functions, no PERCENTILE_CONT.
 * Relies on the generated main lines being linear, so that "commits after the
 * previous deployment's sha" is a time range, read through
 * {@link prepareReference}'s index.
 */
export async function setBasedAggregation(
  db: Knex,
  window: { from: number; to: number },
): Promise<Map<string, SetBasedFigures>> {
  const { from, to } = window;
  const rows = await db.raw(
    `WITH d AS (
       SELECT a.entity_ref, dd.id, dd.finished_at, dd.kind, dd.sha, dd.repository
         FROM dora_deployments dd
         JOIN dora_attributions a ON a.event_type = 'deployment' AND a.event_id = dd.id
        WHERE dd.status = 'success' AND lower(dd.environment) IN ('production', 'prod')
     ), dp AS (
       SELECT d.*, LAG(d.sha) OVER (PARTITION BY d.entity_ref ORDER BY d.finished_at, d.id) AS prev_sha
         FROM d
     ), lt AS (
       SELECT dp.entity_ref, dp.finished_at - c.committed_at AS ms
         FROM dp
         JOIN dora_changes hc ON hc.repository = dp.repository AND hc.sha = dp.sha
         JOIN dora_changes pc ON pc.repository = dp.repository AND pc.sha = dp.prev_sha
         JOIN dora_changes c ON c.repository = dp.repository
          AND c.committed_at > pc.committed_at AND c.committed_at <= hc.committed_at
        WHERE dp.finished_at >= ? AND dp.finished_at < ?
     ), timeline AS (
       -- An incident sorts before a deployment at the same instant: it links
       -- to the latest deployment strictly before it starts.
       SELECT entity_ref, finished_at AS t, 1 AS ord, finished_at AS deployed_at,
              NULL AS started_at, NULL AS resolved_at
         FROM d
       UNION ALL
       SELECT a.entity_ref, i.started_at, 0, NULL, i.started_at, i.resolved_at
         FROM dora_incidents i
         JOIN dora_attributions a ON a.event_type = 'incident' AND a.event_id = i.id
     ), linked AS (
       SELECT entity_ref, ord, started_at, resolved_at,
              MAX(deployed_at) OVER (PARTITION BY entity_ref ORDER BY t, ord
                                     ROWS UNBOUNDED PRECEDING) AS linked_at
         FROM timeline
     ), inc AS (
       SELECT entity_ref, started_at, resolved_at, linked_at FROM linked WHERE ord = 0
     ), failures AS (
       SELECT DISTINCT entity_ref, linked_at FROM inc WHERE linked_at IS NOT NULL
     ), rec AS (
       SELECT entity_ref, resolved_at - linked_at AS ms FROM inc
        WHERE linked_at IS NOT NULL AND resolved_at >= ? AND resolved_at < ?
     ), ranked AS (
       SELECT 'lead' AS metric, entity_ref, ms,
              ROW_NUMBER() OVER (PARTITION BY entity_ref ORDER BY ms) AS rn,
              COUNT(*) OVER (PARTITION BY entity_ref) AS n FROM lt
       UNION ALL
       SELECT 'recovery', entity_ref, ms,
              ROW_NUMBER() OVER (PARTITION BY entity_ref ORDER BY ms),
              COUNT(*) OVER (PARTITION BY entity_ref) FROM rec
     ), medians AS (
       SELECT metric, entity_ref, AVG(ms) AS ms, MAX(n) AS n FROM ranked
        WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY metric, entity_ref
     ), during_incident AS (
       -- Deployments made while one of their entity's incidents was open.
       SELECT DISTINCT d.entity_ref, d.id FROM d
         JOIN inc ON inc.entity_ref = d.entity_ref AND inc.started_at <= d.finished_at
          AND (inc.resolved_at IS NULL OR d.finished_at < inc.resolved_at)
        WHERE d.finished_at >= ? AND d.finished_at < ?
     ), counts AS (
       SELECT d.entity_ref, COUNT(*) AS total,
              SUM(CASE WHEN f.linked_at IS NOT NULL THEN 1 ELSE 0 END) AS failed,
              SUM(CASE WHEN d.kind <> 'planned' OR o.id IS NOT NULL
                   THEN 1 ELSE 0 END) AS unplanned
         FROM d
         LEFT JOIN failures f ON f.entity_ref = d.entity_ref AND f.linked_at = d.finished_at
         LEFT JOIN during_incident o ON o.entity_ref = d.entity_ref AND o.id = d.id
        WHERE d.finished_at >= ? AND d.finished_at < ? GROUP BY d.entity_ref
     )
     SELECT c.entity_ref, c.total, c.failed, c.unplanned,
            l.ms AS lead_ms, l.n AS lead_n, r.ms AS recovery_ms, r.n AS recovery_n
       FROM counts c
       LEFT JOIN medians l ON l.entity_ref = c.entity_ref AND l.metric = 'lead'
       LEFT JOIN medians r ON r.entity_ref = c.entity_ref AND r.metric = 'recovery'`,
    [from, to, from, to, from, to, from, to],
  );
  const list = rawRows(rows);
  const num = (v: unknown) => (v === null ? null : Number(v) / 3_600_000);
  return new Map(
    list.map(r => [
      r.entity_ref,
      {
        deployments: Number(r.total),
        failed: Number(r.failed),
        unplanned: Number(r.unplanned),
        leadTimeMedianHours: num(r.lead_ms),
        leadTimeSamples: Number(r.lead_n ?? 0),
        recoveryMedianHours: num(r.recovery_ms),
        recoverySamples: Number(r.recovery_n ?? 0),
      },
    ]),
  );
}

export type SetBasedFigures = {
  deployments: number;
  failed: number;
  unplanned: number;
  leadTimeMedianHours: number | null;
  leadTimeSamples: number;
  recoveryMedianHours: number | null;
  recoverySamples: number;
};

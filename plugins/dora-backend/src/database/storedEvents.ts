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

import {
  ChangeInput,
  DeploymentInput,
  DeploymentKind,
  DeploymentStatus,
  IncidentInput,
} from '@dora-metrics/plugin-dora-common';
import { Knex } from 'knex';
import { changeKey } from './eventWrites';
import { StoredRow } from './keyedRows';
import { chunks } from './statementChunks';
import { ChangeEventRow, DeploymentEventRow, IncidentEventRow } from './tables';

const iso = (ms: unknown) => new Date(Number(ms)).toISOString();
const optIso = (ms: unknown) =>
  ms === null || ms === undefined ? undefined : iso(ms);
const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** A successful deployment of a repository, as the backfill needs it. */
export type DeployedSha = {
  environment: string;
  sha: string;
  finishedAt: number;
};

/**
 * Reads stored events back in the shape they were pushed in, so that a
 * webhook or backfill observation can be merged with what is already known
 * before it is written again through the ingest service.
 *
 * Inside a merge transaction (see mergeTransaction.ts) the reads lock the
 * rows they find (`SELECT ... FOR UPDATE`, in key order so that two merges
 * lock shared rows in the same order); knex drops the clause on SQLite,
 * whose writers are serialised by the database anyway.
 */
export class StoredEvents {
  constructor(
    private readonly db: Knex,
    private readonly options: { lockRows?: boolean } = {},
  ) {}

  // Rows locked so far, by table and key (see lockedRows).
  private readonly locked = new Map<string, Map<string, StoredRow>>();

  /** `query`, locking the rows it reads when asked to. */
  private locking<Q extends Knex.QueryBuilder>(query: Q, key: string): Q {
    if (!this.options.lockRows) return query;
    return query.orderBy(key).forUpdate() as Q;
  }

  private remember(
    table: string,
    key: string,
    row: { id: unknown; content_hash: string },
  ) {
    if (!this.options.lockRows) return;
    const rows = this.locked.get(table) ?? new Map<string, StoredRow>();
    rows.set(key, { id: Number(row.id), hash: row.content_hash });
    this.locked.set(table, rows);
  }

  /**
   * Id and content hash of each row the locking reads found in `table`, by
   * key (event key; repository and sha for commits). A merge writes against
   * these, not against a fresh read: a key absent here is inserted, so that
   * a row another replica inserted since fails the insert instead of being
   * overwritten by a merge that never saw it.
   */
  lockedRows(table: string): ReadonlyMap<string, StoredRow> {
    return this.locked.get(table) ?? new Map();
  }

  async deployments(
    eventKeys: string[],
  ): Promise<Map<string, DeploymentInput>> {
    const found = new Map<string, DeploymentInput>();
    for (const keys of chunks([...new Set(eventKeys)].sort())) {
      for (const r of await this.locking(
        this.db<DeploymentEventRow>('dora_deployments').whereIn(
          'event_key',
          keys,
        ),
        'event_key',
      )) {
        this.remember('dora_deployments', r.event_key, r);
        found.set(r.event_key, {
          source: r.source,
          id: r.external_id,
          entityRef: opt(r.entity_ref),
          repository: opt(r.repository),
          environment: r.environment,
          status: r.status as DeploymentStatus,
          kind: r.kind as DeploymentKind,
          startedAt: optIso(r.started_at),
          finishedAt: iso(r.finished_at),
          sha: opt(r.sha),
          rollbackOf: opt(r.rollback_of),
          commits: r.commits
            ? JSON.parse(r.commits).map(
                (c: {
                  sha: string;
                  committedAt: number;
                  authoredAt: number | null;
                  automated?: boolean;
                  revertOf?: string;
                }) => ({
                  sha: c.sha,
                  committedAt: iso(c.committedAt),
                  authoredAt: optIso(c.authoredAt),
                  ...(c.automated ? { automated: true } : {}),
                  ...(c.revertOf ? { revertOf: c.revertOf } : {}),
                }),
              )
            : undefined,
          url: opt(r.url),
        });
      }
    }
    return found;
  }

  /** Stored incidents, with their last reopen (see merge.ts). */
  async incidents(
    eventKeys: string[],
  ): Promise<Map<string, IncidentInput & { reopenedAt?: string }>> {
    const found = new Map<string, IncidentInput & { reopenedAt?: string }>();
    for (const keys of chunks([...new Set(eventKeys)].sort())) {
      for (const r of await this.locking(
        this.db<IncidentEventRow>('dora_incidents').whereIn('event_key', keys),
        'event_key',
      )) {
        this.remember('dora_incidents', r.event_key, r);
        found.set(r.event_key, {
          source: r.source,
          id: r.external_id,
          entityRef: opt(r.entity_ref),
          service: opt(r.service),
          title: opt(r.title),
          severity: opt(r.severity),
          startedAt: iso(r.started_at),
          resolvedAt: optIso(r.resolved_at) ?? null,
          causeDeploymentId: opt(r.cause_deployment_id),
          causeSha: opt(r.cause_sha),
          url: opt(r.url),
          reopenedAt: optIso(r.reopened_at),
        });
      }
    }
    return found;
  }

  /** Stored commits of one repository, by sha. */
  async changes(
    repository: string,
    shas: string[],
  ): Promise<Map<string, ChangeInput>> {
    const found = new Map<string, ChangeInput>();
    for (const batch of chunks([...new Set(shas)].sort())) {
      for (const r of await this.locking(
        this.db<ChangeEventRow>('dora_changes')
          .where('repository', repository)
          .whereIn('sha', batch),
        'sha',
      )) {
        this.remember('dora_changes', changeKey(r), r);
        const pr =
          r.pr_number === null
            ? undefined
            : {
                number: Number(r.pr_number),
                createdAt: optIso(r.pr_created_at),
                firstReviewAt: optIso(r.pr_first_review_at),
                mergedAt: optIso(r.pr_merged_at),
                firstCommitAt: optIso(r.pr_first_commit_at),
              };
        found.set(r.sha, {
          source: r.source,
          repository: r.repository,
          sha: r.sha,
          committedAt: iso(r.committed_at),
          authoredAt: optIso(r.authored_at),
          parents: r.parents ? JSON.parse(r.parents) : [],
          pullRequest: pr,
          ...(r.automated ? { automated: true } : {}),
          ...(r.revert_of ? { revertOf: r.revert_of } : {}),
          ...(r.revert_of_pr === null
            ? {}
            : { revertOfPullRequest: Number(r.revert_of_pr) }),
        });
      }
    }
    return found;
  }

  /** Environments of stored deployments, by event key (for re-attribution). */
  async deploymentEnvironments(
    eventKeys: string[],
  ): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const keys of chunks([...new Set(eventKeys)])) {
      for (const r of await this.db<DeploymentEventRow>('dora_deployments')
        .whereIn('event_key', keys)
        .select('event_key', 'environment')) {
        found.set(r.event_key, r.environment);
      }
    }
    return found;
  }

  /** Successful deployments of a repository with a sha, oldest first. */
  async deployedShas(
    source: string,
    repository: string,
  ): Promise<DeployedSha[]> {
    const rows = await this.db<DeploymentEventRow>('dora_deployments')
      .where({ source, repository, status: 'success' })
      .whereNotNull('sha')
      .orderBy([
        { column: 'finished_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .select('environment', 'sha', 'finished_at');
    return rows.map(r => ({
      environment: r.environment,
      sha: r.sha!, // not null: filtered above
      finishedAt: Number(r.finished_at),
    }));
  }
}

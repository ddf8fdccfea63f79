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
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import type { Attribution } from '../attribution/attribute';
import type { EntityFacts } from '../metrics/types';
import {
  dataQuality,
  listDeployments,
  listIncidents,
  listUnattributed,
} from './eventReads';
import {
  attributionColumns,
  markDirtyIn,
  upsertChangeRows,
  upsertDeploymentRows,
  upsertIncidentRows,
} from './eventWrites';
import { BackfillStateStore } from './BackfillStateStore';
import { loadFacts } from './facts';
import { LeaseStore } from './leases';
import { factRevisions, loadHistories, replaceFacts } from './histories';
import { inMergeTransaction, MergeTransaction } from './mergeTransaction';
import { migrateToLatest } from './migrate';
import { PullRequestStore } from './pullRequests';
import { StoredEvents } from './storedEvents';
import {
  Attributed,
  ChangeRow,
  DeploymentRow,
  DoraStore,
  EventListQuery,
  EventType,
  FactScope,
  HistoryRequest,
  IncidentRow,
  StoredFacts,
  StoredHistory,
} from './types';
import { WebhookDeliveryStore } from './webhookDeliveries';

const migrationsDir = resolvePackagePath(
  '@dora-metrics/plugin-dora-backend',
  'migrations',
);

/**
 * The plugin's database, on SQLite, PostgreSQL or MySQL: the knex
 * implementation of {@link DoraStore} (events, attributions, facts), and the
 * smaller stores beside it. {@link DatabaseDoraStore.create} is the one place
 * the plugin takes its knex client, so that every store shares one pool.
 */
export class DatabaseDoraStore implements DoraStore {
  /** Stored events read back in their pushed shape, for merges. */
  readonly storedEvents: StoredEvents;
  /** Pull requests seen through webhooks, before their merge commit. */
  readonly pullRequests: PullRequestStore;
  /** Webhook deliveries already applied. */
  readonly webhookDeliveries: WebhookDeliveryStore;
  /** The backfill's progress, job by job. */
  readonly backfillState: BackfillStateStore;
  /** Work that runs on one replica at a time. */
  readonly leases: LeaseStore;

  /** Runs the migrations (unless the database service skips them). */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseDoraStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await migrateToLatest(client, migrationsDir);
    }
    return new DatabaseDoraStore(client);
  }

  private constructor(private readonly db: Knex) {
    this.storedEvents = new StoredEvents(db);
    this.pullRequests = new PullRequestStore(db);
    this.webhookDeliveries = new WebhookDeliveryStore(db);
    this.backfillState = new BackfillStateStore(db);
    this.leases = new LeaseStore(db);
  }

  /**
   * Runs a merge of provider observations with what is stored in one
   * transaction, the rows it reads locked (see mergeTransaction.ts).
   */
  mergeTransaction<T>(merge: (tx: MergeTransaction) => Promise<T>) {
    return inMergeTransaction(this.db, merge);
  }

  upsertDeployments(items: Attributed<DeploymentRow>[]) {
    return upsertDeploymentRows(this.db, items, Date.now());
  }

  upsertIncidents(items: Attributed<IncidentRow>[]) {
    return upsertIncidentRows(this.db, items, Date.now());
  }

  upsertChanges(rows: ChangeRow[]) {
    return upsertChangeRows(this.db, rows, Date.now());
  }

  listUnattributed(eventType: EventType, afterId: number, limit: number) {
    return listUnattributed(this.db, eventType, afterId, limit);
  }

  async addAttributions(
    eventType: EventType,
    eventId: number,
    attributions: Attribution[],
  ) {
    await this.db.transaction(async trx => {
      const rows = attributionColumns(
        eventType,
        eventId,
        attributions,
        Date.now(),
      );
      await trx('dora_attributions')
        .insert(rows)
        .onConflict(['event_type', 'event_id', 'entity_ref'])
        .ignore();
      await markDirtyIn(
        trx,
        attributions.map(a => a.entityRef),
      );
    });
  }

  markDirty(entityRefs: readonly string[]) {
    return markDirtyIn(this.db, entityRefs);
  }

  async markAllDirty(): Promise<number> {
    const refs = await this.attributedEntities();
    await markDirtyIn(this.db, refs);
    return refs.length;
  }

  async dirtyEntities(limit: number): Promise<string[]> {
    const rows = await this.db('dora_entity_state')
      .whereRaw('version > computed_version')
      .orderBy('entity_ref')
      .limit(limit)
      .select('entity_ref');
    return rows.map(r => r.entity_ref);
  }

  loadHistories(requests: readonly HistoryRequest[]) {
    return loadHistories(this.db, requests);
  }

  replaceFacts(
    derived: readonly { stored: StoredHistory; facts: EntityFacts }[],
  ) {
    return replaceFacts(this.db, derived);
  }

  loadFacts(scope: FactScope, from: number, to: number): Promise<StoredFacts> {
    return loadFacts(this.db, scope, from, to);
  }

  factRevisions(entityRefs: readonly string[]) {
    return factRevisions(this.db, entityRefs);
  }

  listDeployments(query: EventListQuery) {
    return listDeployments(this.db, query);
  }

  listIncidents(query: EventListQuery) {
    return listIncidents(this.db, query);
  }

  dataQuality(now: number) {
    return dataQuality(this.db, now);
  }

  async attributedEntities(): Promise<string[]> {
    const rows = await this.db('dora_attributions')
      .distinct('entity_ref')
      .orderBy('entity_ref');
    return rows.map(r => r.entity_ref);
  }
}

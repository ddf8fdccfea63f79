import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { FactPool } from '../metrics/computeMetrics';
import { EntityFacts } from '../metrics/types';
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
import { loadFacts } from './facts';
import { factRevisions, loadHistories, replaceFacts } from './histories';
import { migrateToLatest } from './migrate';
import {
  Attributed,
  Attribution,
  ChangeRow,
  DeploymentRow,
  DoraStore,
  EventListQuery,
  EventType,
  FactScope,
  HistoryRequest,
  IncidentRow,
  StoredHistory,
} from './types';

const migrationsDir = resolvePackagePath(
  '@dora-metrics/plugin-dora-backend',
  'migrations',
);

/** The knex implementation of {@link DoraStore}, on SQLite, PostgreSQL or MySQL. */
export class DatabaseDoraStore implements DoraStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseDoraStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await migrateToLatest(client, migrationsDir);
    }
    return new DatabaseDoraStore(client);
  }

  private constructor(private readonly db: Knex) {}

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

  loadFacts(scope: FactScope, from: number, to: number): Promise<FactPool> {
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

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
import { retryOnConflict } from './conflictRetry';
import {
  writeChangeRowsIn,
  writeDeploymentRowsIn,
  writeIncidentRowsIn,
} from './eventWrites';
import { PullRequestStore } from './pullRequests';
import { StoredEvents } from './storedEvents';
import {
  Attributed,
  ChangeRow,
  DeploymentRow,
  IncidentRow,
  UpsertResult,
} from './types';

/**
 * What a merge of provider observations reads and writes, all in one
 * transaction: stored events and pull requests read with their rows locked,
 * and the writes of the push API's upserts.
 */
export type MergeTransaction = {
  stored: StoredEvents;
  pullRequests: PullRequestStore;
  upsertDeployments(items: Attributed<DeploymentRow>[]): Promise<UpsertResult>;
  upsertIncidents(items: Attributed<IncidentRow>[]): Promise<UpsertResult>;
  upsertChanges(rows: ChangeRow[]): Promise<UpsertResult>;
};

// More than a push's retries: merges of a busy key wait on each other's
// locks, and on MySQL two merges creating the same new key deadlock (both
// hold the gap lock of their locking read), one of them each time.
const MERGE_ATTEMPTS = 10;

/**
 * Runs `merge` (read what is stored, merge, write the result) so that no two
 * merges of the same key interleave, in one process or across replicas.
 *
 * Why row locks rather than optimistic versions: a merge reads and writes
 * within milliseconds and locks only the rows of one delivery, so waits are
 * short, a merge that waited goes on with the row as it is then (no wasted
 * work), and no version column is needed. The reads lock the rows they find
 * (`SELECT ... FOR UPDATE` on PostgreSQL and MySQL), so a second merge of the
 * same key waits until the first commits and then merges with its result.
 *
 * A key that is not stored yet has no row to lock. The writes therefore
 * compare with the rows the merge read, not with a fresh read: a key it did
 * not find is inserted, and if another merge inserted it meanwhile the
 * insert fails (unique violation; on MySQL, where both hold the gap lock of
 * their reads, a deadlock). That rolls the whole merge back and
 * {@link retryOnConflict} runs it again, now reading the winner's row.
 *
 * SQLite has no row locks and needs none: its writers are serialised, and a
 * transaction that read before another one wrote fails with SQLITE_BUSY and
 * is run again the same way.
 */
export function inMergeTransaction<T>(
  db: Knex,
  merge: (tx: MergeTransaction) => Promise<T>,
): Promise<T> {
  return retryOnConflict(
    () =>
      db.transaction(trx => {
        const now = Date.now();
        const stored = new StoredEvents(trx, { lockRows: true });
        const read = (table: string) => stored.lockedRows(table);
        return merge({
          stored,
          pullRequests: new PullRequestStore(trx, { lockRows: true }),
          upsertDeployments: items =>
            writeDeploymentRowsIn(trx, items, now, read('dora_deployments')),
          upsertIncidents: items =>
            writeIncidentRowsIn(trx, items, now, read('dora_incidents')),
          upsertChanges: rows =>
            writeChangeRowsIn(trx, rows, now, read('dora_changes')),
        });
      }),
    MERGE_ATTEMPTS,
  );
}

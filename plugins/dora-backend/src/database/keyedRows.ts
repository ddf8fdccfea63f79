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

import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { chunks } from './statementChunks';
import { UpsertOutcome } from './types';

function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Id and content hash of a stored row. */
export type StoredRow = { id: number; hash: string };

/** A table of keyed rows, whose content hash tells a repeat from a change. */
export type KeyedTable<T> = {
  table: string;
  key: (item: T) => string;
  columns: (item: T) => Record<string, unknown>;
  /** The stored rows among the keys of `items`, by key. */
  stored: (
    trx: Knex.Transaction,
    items: readonly T[],
  ) => Promise<ReadonlyMap<string, StoredRow>>;
};

/**
 * Writes a batch of keyed rows: new keys are inserted, changed content updates
 * the row, identical content is a duplicate and changes nothing. Later items
 * of a batch win over earlier ones. Returns each item's outcome and the items
 * whose row was written, the last one of each key.
 */
export async function writeKeyedRows<T>(
  trx: Knex.Transaction,
  spec: KeyedTable<T>,
  items: readonly T[],
  now: number,
): Promise<{ outcomes: UpsertOutcome[]; written: T[] }> {
  const existing = await spec.stored(trx, items);
  const latest = new Map<
    string,
    { item: T; values: Record<string, unknown>; hash: string }
  >();
  const outcomes: UpsertOutcome[] = items.map(item => {
    const key = spec.key(item);
    const values = spec.columns(item);
    const hash = contentHash(values);
    const before = latest.get(key)?.hash ?? existing.get(key)?.hash;
    latest.set(key, { item, values, hash });
    if (before === undefined) return 'accepted';
    return before === hash ? 'duplicate' : 'updated';
  });

  const changed = [...latest.entries()].filter(
    ([key, { hash }]) => existing.get(key)?.hash !== hash,
  );
  const row = ({ values, hash }: { values: object; hash: string }) => ({
    ...values,
    content_hash: hash,
    received_at: now,
  });
  const inserts = changed.filter(([key]) => !existing.has(key));
  for (const batch of chunks(inserts))
    await trx(spec.table).insert(batch.map(([, written]) => row(written)));
  for (const [key, written] of changed) {
    const prior = existing.get(key);
    if (prior) await trx(spec.table).where('id', prior.id).update(row(written));
  }
  return { outcomes, written: changed.map(([, { item }]) => item) };
}

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

import { LoggerService } from '@backstage/backend-plugin-api';
import { FactScope } from '../../database/types';
import { bytesOf } from '../../metrics/pool/deploymentColumns';
import {
  concatPools,
  EMPTY_POOL,
  FactPool,
  poolsByEntity,
} from '../../metrics/pool/factPool';
import { FactRevisions, FactSource } from './types';

/** One entity's facts from `from` on, as of one revision. */
type Entry = {
  revision: string;
  from: number;
  pool: FactPool;
  bytes: number;
};

// Rough heap size of one recovery or incident record, for the budget.
const RECORD_BYTES = 160;
const ENTRY_BYTES = 200;
// Later than any fact: cached facts run to the present, whatever the window.
const END_OF_TIME = Number.MAX_SAFE_INTEGER;
// A revision no stored one equals: entities never derived have no facts.
const NEVER_DERIVED = 'never derived';

const sizeOf = (pool: FactPool) =>
  ENTRY_BYTES +
  pool.deployments.reduce((sum, c) => sum + bytesOf(c), 0) +
  RECORD_BYTES * (pool.recoveries.length + pool.incidents.length);

/**
 * Team and template reports pool the facts of hundreds or thousands of
 * entities; reading and decoding them is most of a report's time. This keeps
 * each entity's facts, in columns, between requests, up to a byte budget
 * (least recently used out first). A request first reads the revision of
 * each entity's facts (one indexed read per 500 entities) and reloads only
 * the entities whose facts were replaced since, by this replica or another:
 * the answer is always what the database holds, never stale.
 *
 * Only pools of named entities are kept; facts recorded under an owner group
 * are read from the database each time.
 */
export class CachedFactSource implements FactSource {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private warnedFull = false;

  constructor(
    private readonly deps: {
      /** Where facts not held are read from. */
      database: FactSource;
      maxBytes: number;
      logger: LoggerService;
    },
  ) {}

  revisions(entityRefs: readonly string[]): Promise<FactRevisions> {
    return this.deps.database.revisions(entityRefs);
  }

  /** Bytes held now, by the budget's estimate. */
  get size() {
    return this.bytes;
  }

  /** Held facts run to the present, whatever `to` is. */
  async loadFacts(
    scope: FactScope,
    from: number,
    to: number,
    revisionsRead?: FactRevisions,
  ): Promise<FactPool> {
    const { database } = this.deps;
    if (!('entityRefs' in scope)) return database.loadFacts(scope, from, to);
    const { entityRefs } = scope;
    // Revisions first: facts replaced after this read carry a newer one,
    // so that the worst a race does is load them again next time.
    const revisions = revisionsRead ?? (await this.revisions(entityRefs));
    const pools: FactPool[] = [];
    const missing: string[] = [];
    for (const ref of entityRefs) {
      const entry = this.entries.get(ref);
      const revision = revisions.get(ref) ?? NEVER_DERIVED;
      if (entry && entry.revision === revision && entry.from <= from) {
        // Most recently used last: the Map keeps insertion order.
        this.entries.delete(ref);
        this.entries.set(ref, entry);
        pools.push(entry.pool);
      } else {
        missing.push(ref);
      }
    }
    if (missing.length > 0) {
      const loaded = poolsByEntity(
        await database.loadFacts({ entityRefs: missing }, from, END_OF_TIME),
      );
      for (const ref of missing) {
        const pool = loaded.get(ref) ?? EMPTY_POOL;
        pools.push(pool);
        this.forget(ref);
        const entry = {
          revision: revisions.get(ref) ?? NEVER_DERIVED,
          from,
          pool,
          bytes: sizeOf(pool),
        };
        this.entries.set(ref, entry);
        this.bytes += entry.bytes;
      }
      this.evict();
    }
    return concatPools(pools);
  }

  private forget(ref: string) {
    const entry = this.entries.get(ref);
    if (entry) {
      this.bytes -= entry.bytes;
      this.entries.delete(ref);
    }
  }

  private evict() {
    const { maxBytes, logger } = this.deps;
    if (this.bytes <= maxBytes) return;
    if (!this.warnedFull) {
      this.warnedFull = true;
      logger.info(
        `DORA report cache reached its budget of ${Math.round(
          maxBytes / 2 ** 20,
        )} MiB; reports that pool more facts read them from the database ` +
          `each time (dora.reports.cacheMiB raises it)`,
      );
    }
    for (const ref of this.entries.keys()) {
      if (this.bytes <= maxBytes) break;
      this.forget(ref);
    }
  }
}

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

/**
 * Leases in `dora_leases`: one named piece of work at a time across every
 * replica sharing the database. Each call is one statement whose WHERE clause
 * decides, so two replicas racing for a lease cannot both win: PostgreSQL and
 * MySQL re-check the condition on the row they lock, SQLite runs one writer
 * at a time. Expiries are the replicas' own clocks (epoch ms): keep them in
 * sync well within a lease's time to live.
 */
export class LeaseStore {
  constructor(private readonly db: Knex) {}

  /**
   * Takes lease `name` for `holder` until `ttlMs` from now, if nobody holds
   * it or its holder's expiry has passed; says whether it did.
   */
  async tryTake(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    // The row exists from the first take on; creating it, free, takes
    // nothing, so that taking is always the conditional update below.
    await this.db('dora_leases')
      .insert({ name, holder: '', expires_at: 0 })
      .onConflict('name')
      .ignore();
    const taken = await this.db('dora_leases')
      .where({ name })
      .where('expires_at', '<=', now)
      .update({ holder, expires_at: now + ttlMs });
    return taken === 1;
  }

  /**
   * Moves the expiry of a lease `holder` still holds to `ttlMs` from now;
   * false when it lost the lease (it expired and another holder took it).
   */
  async renew(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const renewed = await this.db('dora_leases')
      .where({ name, holder })
      .update({ expires_at: Date.now() + ttlMs });
    return renewed === 1;
  }

  /** Frees the lease if `holder` still holds it. */
  async release(name: string, holder: string): Promise<void> {
    await this.db('dora_leases')
      .where({ name, holder })
      .update({ holder: '', expires_at: 0 });
  }
}

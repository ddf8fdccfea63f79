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

// Providers redeliver for a few days at most; a month is a wide margin.
const KEEP_MS = 30 * 24 * 3600_000;
const PRUNE_EVERY_MS = 3600_000;

/**
 * Ids of webhook deliveries already applied. A delivery is recorded after it
 * was applied, so one that failed half-way is applied again when redelivered
 * (applying is a merge, so that is safe).
 */
export class WebhookDeliveryStore {
  private lastPrune = 0;

  constructor(private readonly db: Knex) {}

  async seen(source: string, deliveryId: string): Promise<boolean> {
    const row = await this.db('dora_webhook_deliveries')
      .where({ source, delivery_id: deliveryId })
      .first('delivery_id');
    return row !== undefined;
  }

  async record(source: string, deliveryId: string, now: number) {
    await this.db('dora_webhook_deliveries')
      .insert({ source, delivery_id: deliveryId, received_at: now })
      .onConflict(['source', 'delivery_id'])
      .ignore();
    if (now - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = now;
      await this.db('dora_webhook_deliveries')
        .where('received_at', '<', now - KEEP_MS)
        .delete();
    }
  }
}

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

import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CatalogIndex,
  INDEX_FIELDS,
  indexEntity,
  IndexedEntity,
} from './CatalogIndex';

/**
 * Keeps a {@link CatalogIndex} fresh: built on first use, rebuilt when older
 * than `maxAgeMs` or on demand (reconciliation waits for a fresh one), one
 * catalog read at a time however many callers wait for it.
 */
export class CatalogIndexProvider {
  private current?: { index: CatalogIndex; builtAt: number };
  private pending?: Promise<CatalogIndex>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
    private readonly maxAgeMs: number,
  ) {}

  /**
   * The index, built on first use. Once it is older than `maxAgeMs` the
   * stale one is still returned while a rebuild runs in the background, so
   * that no request waits for a whole catalog read (seconds on a big one).
   */
  async get(): Promise<CatalogIndex> {
    if (!this.current) return this.refresh();
    if (Date.now() - this.current.builtAt >= this.maxAgeMs) {
      this.refresh().catch(error =>
        this.deps.logger.warn(
          `DORA catalog index: refresh failed, keeping the last one: ${error}`,
        ),
      );
    }
    return this.current.index;
  }

  refresh(): Promise<CatalogIndex> {
    if (!this.pending) {
      this.pending = this.build().finally(() => {
        this.pending = undefined;
      });
    }
    return this.pending;
  }

  private async build(): Promise<CatalogIndex> {
    const started = Date.now();
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entities: IndexedEntity[] = [];
    // Users and locations never own DORA events; leaving them out keeps the index small.
    const stream = this.deps.catalog.streamEntities(
      {
        filter: {
          kind: [
            'Component',
            'Resource',
            'System',
            'API',
            'Group',
            'Domain',
            'Template',
          ],
        },
        fields: INDEX_FIELDS,
      },
      { credentials },
    );
    for await (const page of stream) {
      for (const entity of page) entities.push(indexEntity(entity));
    }
    const index = new CatalogIndex(entities);
    this.current = { index, builtAt: Date.now() };
    this.deps.logger.debug(
      `DORA catalog index: ${index.size} entities in ${
        Date.now() - started
      } ms`,
    );
    return index;
  }
}

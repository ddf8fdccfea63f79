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
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normalizeRefParameter } from '../attribution/attribute';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';

/**
 * What the caller may see of the catalog. Catalog reads for a user go with
 * the user's credentials, so that read access follows catalog permissions. A
 * service (a CI token restricted to this plugin, say) is trusted like any
 * backend caller: it sees what this plugin sees, which is what the catalog
 * index already holds, so only refs missing from the index (newer than it,
 * or of kinds it leaves out) cost a catalog call.
 */
export class CatalogAccess {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      catalogIndex: CatalogIndexProvider;
    },
  ) {}

  private isService(credentials: BackstageCredentials) {
    return this.deps.auth.isPrincipal(credentials, 'service');
  }

  private async onBehalfOf(credentials: BackstageCredentials) {
    return {
      credentials: this.isService(credentials)
        ? await this.deps.auth.getOwnServiceCredentials()
        : credentials,
    };
  }

  /** Refs the catalog must still be asked about. */
  private async unknownToIndex(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ) {
    if (!this.isService(credentials)) return entityRefs;
    const index = await this.deps.catalogIndex.get();
    return entityRefs.filter(ref => !index.get(ref));
  }

  /** The refs of `entityRefs` the caller may read, and how many were hidden. */
  async visible(entityRefs: string[], credentials: BackstageCredentials) {
    const ask = await this.unknownToIndex(entityRefs, credentials);
    const unreadable = new Set<string>();
    if (ask.length > 0) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        { entityRefs: ask, fields: ['kind', 'metadata.name'] },
        await this.onBehalfOf(credentials),
      );
      ask.forEach((ref, i) => items[i] || unreadable.add(ref));
    }
    const visible = entityRefs.filter(ref => !unreadable.has(ref));
    return { visible, hidden: entityRefs.length - visible.length };
  }

  /**
   * The normalized ref, a 400 naming `field` when it is malformed, or a 404 naming `field` when the entity does not
   * exist or the caller may not read it (the two look alike on purpose).
   */
  async readableRef(
    ref: string,
    credentials: BackstageCredentials,
    field = 'entityRef',
  ): Promise<string> {
    const normalized = normalizeRefParameter(ref, field);
    const { visible } = await this.visible([normalized], credentials);
    if (visible.length === 0) {
      throw new NotFoundError(
        `${field}: no entity ${normalized} that you may read`,
      );
    }
    return normalized;
  }
}

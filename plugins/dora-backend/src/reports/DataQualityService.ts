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

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  DataQualityReport,
  DORA_MATCH_ANNOTATIONS,
} from '@dora-metrics/plugin-dora-common';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { DoraStore } from '../database/types';
import { CatalogAccess } from './CatalogAccess';

/** Unknown refs in one answer unless the caller asks for fewer. */
const DEFAULT_UNKNOWN_ENTITIES_LIMIT = 100;

/**
 * One page of the unknown refs, in order: anyone with a push token can name
 * any number of them, so the answer is bounded. The cursor is the last ref
 * of the previous page.
 */
function unknownEntitiesPage(
  unknown: string[],
  {
    limit = DEFAULT_UNKNOWN_ENTITIES_LIMIT,
    cursor,
  }: { limit?: number; cursor?: string },
) {
  const after = cursor ? decodeRefCursor(cursor) : undefined;
  const sorted = [...unknown].sort();
  const rest = after === undefined ? sorted : sorted.filter(ref => ref > after);
  const items = rest.slice(0, limit);
  return {
    unknownEntities: items,
    unknownEntityCount: sorted.length,
    unknownEntitiesNextCursor:
      rest.length > limit
        ? Buffer.from(items[items.length - 1]).toString('base64url')
        : null,
  };
}

function decodeRefCursor(cursor: string): string {
  const ref = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!ref || Buffer.from(ref).toString('base64url') !== cursor) {
    throw new InputError('cursor: not a cursor returned by this API');
  }
  return ref;
}

/**
 * What keeps numbers from being right, across the whole store: events no
 * entity claims, entities named by events but carrying no DORA annotation,
 * refs the catalog does not know, clock skew, and incidents open a week or more.
 */
export class DataQualityService {
  constructor(
    private readonly deps: {
      store: DoraStore;
      access: CatalogAccess;
      catalogIndex: CatalogIndexProvider;
    },
  ) {}

  async report(
    credentials: BackstageCredentials,
    page: { limit?: number; cursor?: string } = {},
    now = Date.now(),
  ): Promise<DataQualityReport> {
    const { store, access } = this.deps;
    const stored = await store.dataQuality(now);
    const index = await this.deps.catalogIndex.get();
    const attributed = await store.attributedEntities();
    const { visible } = await access.visible(attributed, credentials);
    const visibleSet = new Set(visible);
    return {
      unattributedEvents: stored.unattributed,
      entitiesWithoutAnnotations: visible.flatMap(ref => {
        const e = index.get(ref);
        return e && e.repositories.length === 0 && !e.pagerDutyServiceId
          ? [{ entityRef: e.ref, missing: [...DORA_MATCH_ANNOTATIONS] }]
          : [];
      }),
      // Unknown to the catalog, so there is nothing to hide behind permissions.
      ...unknownEntitiesPage(
        attributed.filter(ref => !index.get(ref)),
        page,
      ),
      clockSkewedChanges: stored.clockSkewedChanges,
      deploymentsWithUnknownCommits: stored.deploymentsWithUnknownCommits,
      staleOpenIncidents: stored.staleOpenIncidents.filter(i =>
        visibleSet.has(i.entityRef),
      ),
    };
  }
}

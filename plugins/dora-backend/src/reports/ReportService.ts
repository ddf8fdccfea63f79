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
  EntityMetricsResponse,
  Granularity,
  OwnershipMode,
  TeamMetricsResponse,
} from '@dora-metrics/plugin-dora-common';
import { normalizeEntityRef } from '../attribution/attribute';
import { isDeliverable } from '../attribution/CatalogIndex';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { DoraConfig } from '../config';
import { FactPool, poolOf } from '../metrics/pool/factPool';
import { previousWindow } from '../metrics/time';
import { CatalogAccess } from './CatalogAccess';
import { FactSource } from './factSource/types';
import {
  entitySummaries,
  metricsReport,
  perEntityDeploymentFrequency,
  Request,
} from './pools';

/**
 * Entity and team reports: loads the facts once for the window and the one
 * before it, and computes the metrics over them. Entities the caller may not
 * read in the catalog are left out of teams and counted as hidden.
 */
export class ReportService {
  constructor(
    private readonly deps: {
      facts: FactSource;
      access: CatalogAccess;
      catalogIndex: CatalogIndexProvider;
      config: DoraConfig;
    },
  ) {}

  async entityMetrics(
    entityRef: string,
    granularity: Granularity,
    { window, credentials }: Request,
  ): Promise<EntityMetricsResponse> {
    const ref = await this.deps.access.readableRef(entityRef, credentials);
    const pool = await this.deps.facts.loadFacts(
      { entityRefs: [ref] },
      previousWindow(window).from,
      window.to,
    );
    return {
      entityRef: ref,
      ...metricsReport(pool, window, granularity, this.deps.config),
    };
  }

  async teamMetrics(
    groupRef: string,
    options: {
      granularity: Granularity;
      ownership: OwnershipMode;
      includeSubgroups: boolean;
    },
    { window, credentials }: Request,
  ): Promise<TeamMetricsResponse> {
    const { facts, access, config } = this.deps;
    const group = await access.readableRef(
      groupRef.includes(':') ? groupRef : `group:${groupRef}`,
      credentials,
      'groupRef',
    );
    const index = await this.deps.catalogIndex.get();
    const from = previousWindow(window).from;
    let candidates: string[];
    let pool: FactPool;
    if (options.ownership === 'current') {
      const groups = options.includeSubgroups
        ? index.groupWithDescendants(group)
        : new Set([group]);
      candidates = [...index.entities()]
        .filter(e => isDeliverable(e) && e.ownerRef && groups.has(e.ownerRef))
        .map(e => e.ref);
      pool = await facts.loadFacts({ entityRefs: candidates }, from, window.to);
    } else {
      // Ownership recorded at ingestion: the owner chain of each event.
      pool = await facts.loadFacts(
        { ownerGroup: group, directOnly: !options.includeSubgroups },
        from,
        window.to,
      );
      candidates = [
        ...new Set(
          [...pool.deployments, ...pool.incidents].map(f => f.entityRef),
        ),
      ].sort();
    }
    const { visible, hidden } = await access.visible(candidates, credentials);
    // The pool holds only candidates' facts: when all are visible, all of it.
    const visiblePool = hidden ? poolOf(pool, new Set(visible)) : pool;
    const entities = entitySummaries(
      visiblePool,
      visible,
      index,
      window,
      config,
    );
    return {
      groupRef: normalizeEntityRef(group),
      ownership: options.ownership,
      includeSubgroups: options.includeSubgroups,
      ...metricsReport(visiblePool, window, options.granularity, config),
      entityCount: visible.length,
      hiddenEntityCount: hidden,
      perEntityDeploymentFrequency: perEntityDeploymentFrequency(entities),
      entities,
    };
  }
}

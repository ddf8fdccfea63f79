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
import { NotFoundError } from '@backstage/errors';
import {
  EntityMetricsSummary,
  TemplateMetricsResponse,
  TemplateReportResponse,
  TemplateReportRow,
} from '@dora-metrics/plugin-dora-common';
import { normalizeRefParameter } from '../attribution/attribute';
import { isDeliverable } from '../attribution/CatalogIndex';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { DoraConfig } from '../config';
import { Window } from '../metrics/time';
import { CatalogAccess } from './CatalogAccess';
import { FactSource } from './factSource/types';
import { entitySummaries, metricsOf, Request } from './pools';
import { windowJson } from './window';

// Map key of the entities created from no template.
const NO_TEMPLATE = '';

/**
 * Golden-path reports: entities grouped by the template named in their
 * `backstage.io/source-template` annotation (and one group for none), each
 * group's facts pooled.
 */
export class TemplateReportService {
  constructor(
    private readonly deps: {
      access: CatalogAccess;
      catalogIndex: CatalogIndexProvider;
      config: DoraConfig;
      facts: FactSource;
    },
  ) {}

  /**
   * One row per template, each from its own entities' facts, read one
   * template at a time: past the fact cache's budget, memory stays bounded
   * by the largest template.
   * `withEntities` adds the per-entity rows of the drill-down.
   */
  private async rows(
    window: Window,
    credentials: BackstageCredentials,
    only: string | null | undefined,
    withEntities: boolean,
  ) {
    const { facts, access, config } = this.deps;
    const index = await this.deps.catalogIndex.get();
    const byTemplate = new Map<string, string[]>();
    for (const e of index.entities()) {
      if (!isDeliverable(e)) continue;
      const key = e.templateRef ?? NO_TEMPLATE;
      if (only !== undefined && key !== (only ?? NO_TEMPLATE)) continue;
      const refs = byTemplate.get(key) ?? [];
      refs.push(e.ref);
      byTemplate.set(key, refs);
    }
    const { visible } = await access.visible(
      [...byTemplate.values()].flat(),
      credentials,
    );
    const visibleSet = new Set(visible);
    const revisions = await facts.revisions(visible);
    const rows: { row: TemplateReportRow; entities: EntityMetricsSummary[] }[] =
      [];
    for (const [key, refs] of [...byTemplate.entries()].sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      const shown = refs.filter(r => visibleSet.has(r));
      const pool = await facts.loadFacts(
        { entityRefs: shown },
        window.from,
        window.to,
        revisions,
      );
      const row: TemplateReportRow = {
        templateRef: key === NO_TEMPLATE ? null : key,
        title: key === NO_TEMPLATE ? null : index.get(key)?.title ?? null,
        entityCount: shown.length,
        hiddenEntityCount: refs.length - shown.length,
        metrics: metricsOf(pool, window, config),
      };
      const entities = withEntities
        ? entitySummaries(pool, shown, index, window, config)
        : [];
      rows.push({ row, entities });
    }
    return rows;
  }

  async report({
    window,
    credentials,
  }: Request): Promise<TemplateReportResponse> {
    const rows = await this.rows(window, credentials, undefined, false);
    return { window: windowJson(window), templates: rows.map(r => r.row) };
  }

  async metrics(
    templateRef: string | null,
    { window, credentials }: Request,
  ): Promise<TemplateMetricsResponse> {
    const ref = templateRef
      ? normalizeRefParameter(
          templateRef.includes(':') ? templateRef : `template:${templateRef}`,
          'templateRef',
        )
      : null;
    const [found] = await this.rows(window, credentials, ref, true);
    if (!found) {
      throw new NotFoundError(
        `templateRef: no entity was created from ${ref ?? 'no template'}`,
      );
    }
    return {
      window: windowJson(window),
      ...found.row,
      entities: found.entities,
    };
  }
}

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  TemplateMetricsResponse,
  TemplateReportResponse,
  TemplateReportRow,
} from '@dora-metrics/plugin-dora-common';
import { normalizeEntityRef } from '../attribution/attribute';
import { isDeliverable } from '../attribution/CatalogIndex';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { DoraConfig } from '../config';
import { Window } from '../metrics/time';
import { DoraStore } from '../store/types';
import { CatalogAccess } from './CatalogAccess';
import {
  entitySummaries,
  mergePools,
  metricsOf,
  poolsByEntity,
  Request,
} from './pools';
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
      store: DoraStore;
      access: CatalogAccess;
      catalogIndex: CatalogIndexProvider;
      config: DoraConfig;
    },
  ) {}

  private async rows(
    window: Window,
    credentials: BackstageCredentials,
    only?: string | null,
  ) {
    const { store, access, config } = this.deps;
    const index = await this.deps.catalogIndex.get();
    const byTemplate = new Map<string, string[]>();
    for (const e of index.entities()) {
      if (!isDeliverable(e)) continue;
      const key = e.templateRef ?? NO_TEMPLATE;
      if (only !== undefined && key !== (only ?? NO_TEMPLATE)) continue;
      byTemplate.set(key, [...(byTemplate.get(key) ?? []), e.ref]);
    }
    const { visible } = await access.visible(
      [...byTemplate.values()].flat(),
      credentials,
    );
    const visibleSet = new Set(visible);
    const pool = await store.loadFacts(
      { entityRefs: visible },
      window.from,
      window.to,
    );
    const own = poolsByEntity(pool);
    return [...byTemplate.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, refs]) => {
        const shown = refs.filter(r => visibleSet.has(r));
        const templatePool = mergePools(shown.map(r => own.get(r)));
        const row: TemplateReportRow = {
          templateRef: key === NO_TEMPLATE ? null : key,
          title: key === NO_TEMPLATE ? null : index.get(key)?.title ?? null,
          entityCount: shown.length,
          hiddenEntityCount: refs.length - shown.length,
          metrics: metricsOf(templatePool, window, config),
        };
        // Only the drill-down lists the entities; the report does not need them.
        const entities = () =>
          entitySummaries(
            templatePool,
            shown.map(r => ({
              entityRef: r,
              title: index.get(r)?.title ?? null,
            })),
            window,
            config,
          );
        return { row, entities };
      });
  }

  async report({
    window,
    credentials,
  }: Request): Promise<TemplateReportResponse> {
    const rows = await this.rows(window, credentials);
    return { window: windowJson(window), templates: rows.map(r => r.row) };
  }

  async metrics(
    templateRef: string | null,
    { window, credentials }: Request,
  ): Promise<TemplateMetricsResponse> {
    const ref = templateRef
      ? normalizeEntityRef(
          templateRef.includes(':') ? templateRef : `template:${templateRef}`,
        )
      : null;
    const [found] = await this.rows(window, credentials, ref);
    if (!found) {
      throw new NotFoundError(
        `templateRef: no entity was created from ${ref ?? 'no template'}`,
      );
    }
    return {
      window: windowJson(window),
      ...found.row,
      entities: found.entities(),
    };
  }
}

import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityMetricsResponse,
  EntityMetricsSummary,
  Granularity,
  MetricsReport,
  OwnershipMode,
  TeamMetricsResponse,
  TemplateMetricsResponse,
  TemplateReportResponse,
  TemplateReportRow,
  DORA_MATCH_ANNOTATIONS,
} from '@dora-metrics/plugin-dora-common';
import { normalizeEntityRef } from '../attribution/attribute';
import { isDeliverable } from '../attribution/CatalogIndex';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { DoraConfig } from '../config';
import {
  computeDataQuality,
  computeMetrics,
  computeSeries,
  FactPool,
} from '../metrics/computeMetrics';
import { median } from '../metrics/stats';
import { DAY_MS, previousWindow, Window } from '../metrics/time';
import { DoraStore } from '../store/types';
import { windowJson } from './window';

type Request = { window: Window; credentials: BackstageCredentials };

const NO_TEMPLATE = '';

function poolOf(pool: FactPool, entityRefs: ReadonlySet<string>): FactPool {
  return {
    deployments: pool.deployments.filter(d => entityRefs.has(d.entityRef)),
    recoveries: pool.recoveries.filter(r => entityRefs.has(r.entityRef)),
    incidents: pool.incidents.filter(i => entityRefs.has(i.entityRef)),
  };
}

/**
 * The read side: loads an entity's, a team's or a template's facts once for
 * the window and the one before it, and computes the metrics over them.
 * Entities the caller may not read in the catalog are left out.
 */
export class ReportService {
  constructor(
    private readonly deps: {
      store: DoraStore;
      catalog: CatalogService;
      auth: AuthService;
      catalogIndex: CatalogIndexProvider;
      config: DoraConfig;
    },
  ) {}

  /**
   * Catalog reads for a user go with the user's credentials, so that read
   * access follows catalog permissions. A service (a CI token restricted to
   * this plugin, say) is trusted like any backend caller: the catalog is read
   * as this plugin.
   */
  private async onBehalfOf(credentials: BackstageCredentials) {
    const { auth } = this.deps;
    return {
      credentials: auth.isPrincipal(credentials, 'service')
        ? await auth.getOwnServiceCredentials()
        : credentials,
    };
  }

  private options() {
    return {
      timeZone: this.deps.config.timeZone,
      bands: this.deps.config.bands,
    };
  }

  private report(
    pool: FactPool,
    window: Window,
    granularity: Granularity,
  ): MetricsReport {
    const previous = previousWindow(window);
    return {
      window: windowJson(window),
      ...computeMetrics(pool, window, this.options()),
      previous: {
        window: windowJson(previous),
        ...computeMetrics(pool, previous, this.options()),
      },
      granularity,
      timeZone: this.deps.config.timeZone,
      series: computeSeries(
        pool,
        window,
        granularity,
        this.deps.config.timeZone,
      ),
      dataQuality: computeDataQuality(pool, window),
    };
  }

  private summary(
    pool: FactPool,
    entityRef: string,
    title: string | null,
    window: Window,
  ): EntityMetricsSummary {
    const own = poolOf(pool, new Set([entityRef]));
    return {
      entityRef,
      title,
      metrics: {
        ...computeMetrics(own, window, this.options()),
        dataQuality: computeDataQuality(own, window),
      },
    };
  }

  /** The refs of `entityRefs` the caller may read, and how many were hidden. */
  private async visible(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ) {
    if (entityRefs.length === 0) return { visible: [], hidden: 0 };
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs, fields: ['kind', 'metadata.name'] },
      await this.onBehalfOf(credentials),
    );
    const visible = entityRefs.filter((_, i) => items[i]);
    return { visible, hidden: entityRefs.length - visible.length };
  }

  /** The normalized ref, or a 404 when the caller may not read the entity. */
  async readableEntityRef(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const ref = normalizeEntityRef(entityRef);
    const entity = await this.deps.catalog.getEntityByRef(
      ref,
      await this.onBehalfOf(credentials),
    );
    if (!entity)
      throw new NotFoundError(`entityRef: no entity ${ref} that you may read`);
    return ref;
  }

  async entityMetrics(
    entityRef: string,
    granularity: Granularity,
    { window, credentials }: Request,
  ): Promise<EntityMetricsResponse> {
    const ref = await this.readableEntityRef(entityRef, credentials);
    const pool = await this.deps.store.loadFacts(
      { entityRefs: [ref] },
      previousWindow(window).from,
      window.to,
    );
    return { entityRef: ref, ...this.report(pool, window, granularity) };
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
    const group = normalizeEntityRef(
      groupRef.includes(':') ? groupRef : `group:${groupRef}`,
    );
    if (
      !(await this.deps.catalog.getEntityByRef(
        group,
        await this.onBehalfOf(credentials),
      ))
    ) {
      throw new NotFoundError(`groupRef: no group ${group} that you may read`);
    }
    const index = await this.deps.catalogIndex.get();
    const groups = options.includeSubgroups
      ? index.groupWithDescendants(group)
      : new Set([group]);
    const from = previousWindow(window).from;
    let candidates: string[];
    let pool: FactPool;
    if (options.ownership === 'current') {
      candidates = [...index.entities()]
        .filter(e => isDeliverable(e) && e.ownerRef && groups.has(e.ownerRef))
        .map(e => e.ref);
      pool = await this.deps.store.loadFacts(
        { entityRefs: candidates },
        from,
        window.to,
      );
    } else {
      pool = await this.deps.store.loadFacts(
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
    const { visible, hidden } = await this.visible(candidates, credentials);
    const visiblePool = poolOf(pool, new Set(visible));
    const entities = visible.map(ref =>
      this.summary(visiblePool, ref, index.get(ref)?.title ?? null, window),
    );
    const days = (window.to - window.from) / DAY_MS;
    return {
      groupRef: group,
      ownership: options.ownership,
      includeSubgroups: options.includeSubgroups,
      ...this.report(visiblePool, window, options.granularity),
      entityCount: visible.length,
      hiddenEntityCount: hidden,
      perEntityDeploymentFrequency: median(
        entities.map(e => e.metrics.deploymentFrequency.count / days),
      ),
      entities,
    };
  }

  private async templateRows(
    window: Window,
    credentials: BackstageCredentials,
    only?: string | null,
  ) {
    const index = await this.deps.catalogIndex.get();
    const byTemplate = new Map<string, string[]>();
    for (const e of index.entities()) {
      if (!isDeliverable(e)) continue;
      const key = e.templateRef ?? NO_TEMPLATE;
      if (only !== undefined && key !== (only ?? NO_TEMPLATE)) continue;
      byTemplate.set(key, [...(byTemplate.get(key) ?? []), e.ref]);
    }
    const all = [...byTemplate.values()].flat();
    const { visible } = await this.visible(all, credentials);
    const visibleSet = new Set(visible);
    const pool = await this.deps.store.loadFacts(
      { entityRefs: visible },
      window.from,
      window.to,
    );
    return [...byTemplate.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, refs]) => {
        const shown = refs.filter(r => visibleSet.has(r));
        const own = poolOf(pool, new Set(shown));
        const row: TemplateReportRow = {
          templateRef: key === NO_TEMPLATE ? null : key,
          title: key === NO_TEMPLATE ? null : index.get(key)?.title ?? null,
          entityCount: shown.length,
          hiddenEntityCount: refs.length - shown.length,
          metrics: {
            ...computeMetrics(own, window, this.options()),
            dataQuality: computeDataQuality(own, window),
          },
        };
        return { row, shown, pool: own };
      });
  }

  async templateReport({
    window,
    credentials,
  }: Request): Promise<TemplateReportResponse> {
    const rows = await this.templateRows(window, credentials);
    return { window: windowJson(window), templates: rows.map(r => r.row) };
  }

  async templateMetrics(
    templateRef: string | null,
    { window, credentials }: Request,
  ): Promise<TemplateMetricsResponse> {
    const ref = templateRef
      ? normalizeEntityRef(
          templateRef.includes(':') ? templateRef : `template:${templateRef}`,
        )
      : null;
    const [found] = await this.templateRows(window, credentials, ref);
    if (!found)
      throw new NotFoundError(
        `templateRef: no entity was created from ${ref ?? 'no template'}`,
      );
    const index = await this.deps.catalogIndex.get();
    return {
      window: windowJson(window),
      ...found.row,
      entities: found.shown.map(r =>
        this.summary(found.pool, r, index.get(r)?.title ?? null, window),
      ),
    };
  }

  /**
   * What keeps numbers from being right, across the whole store: events no
   * entity claims, entities named by events but carrying no DORA annotation,
   * clock skew, and incidents left open for a week or more.
   */
  async dataQuality(credentials: BackstageCredentials, now = Date.now()) {
    const stored = await this.deps.store.dataQuality(now);
    const index = await this.deps.catalogIndex.get();
    const attributed = await this.deps.store.attributedEntities();
    const { visible } = await this.visible(attributed, credentials);
    const visibleSet = new Set(visible);
    return {
      unattributedEvents: stored.unattributed,
      entitiesWithoutAnnotations: visible
        .map(ref => index.get(ref))
        .filter(e => e && e.repositories.length === 0 && !e.pagerDutyServiceId)
        .map(e => ({
          entityRef: e!.ref,
          missing: [...DORA_MATCH_ANNOTATIONS],
        })),
      unknownEntities: visible.filter(ref => !index.get(ref)),
      clockSkewedChanges: stored.clockSkewedChanges,
      deploymentsWithUnknownCommits: stored.deploymentsWithUnknownCommits,
      staleOpenIncidents: stored.staleOpenIncidents.filter(i =>
        visibleSet.has(i.entityRef),
      ),
    };
  }
}

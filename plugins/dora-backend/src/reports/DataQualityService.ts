import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  DataQualityReport,
  DORA_MATCH_ANNOTATIONS,
} from '@dora-metrics/plugin-dora-common';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { DoraStore } from '../database/types';
import { CatalogAccess } from './CatalogAccess';

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
      unknownEntities: attributed.filter(ref => !index.get(ref)),
      clockSkewedChanges: stored.clockSkewedChanges,
      deploymentsWithUnknownCommits: stored.deploymentsWithUnknownCommits,
      staleOpenIncidents: stored.staleOpenIncidents.filter(i =>
        visibleSet.has(i.entityRef),
      ),
    };
  }
}

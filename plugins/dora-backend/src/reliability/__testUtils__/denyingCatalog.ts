import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/**
 * A catalog that behaves like one with a permission policy denying users
 * read access to `denied` entities: users get them as missing, services
 * (the plugin itself) see everything.
 */
export function denyingCatalogFactory(options: {
  entities: Entity[];
  denied: string[];
}) {
  const base = catalogServiceMock({ entities: options.entities });
  const denied = new Set(options.denied);
  const hides = (
    opts: { credentials?: BackstageCredentials } | undefined,
    entity: Entity | undefined | null,
  ) =>
    !!entity &&
    (opts?.credentials?.principal as { type?: string })?.type === 'user' &&
    denied.has(stringifyEntityRef(entity));

  const overrides: Partial<CatalogService> = {
    async getEntityByRef(ref, opts) {
      const entity = await base.getEntityByRef(ref, opts);
      return hides(opts, entity) ? undefined : entity;
    },
    async getEntitiesByRefs(request, opts) {
      const result = await base.getEntitiesByRefs(request, opts);
      return {
        items: result.items.map(e => (hides(opts, e) ? undefined : e)),
      };
    },
    async getEntities(request, opts) {
      const result = await base.getEntities(request, opts);
      return { items: result.items.filter(e => !hides(opts, e)) };
    },
  };
  const catalog = new Proxy(base, {
    get(target, property) {
      const own = overrides[property as keyof CatalogService];
      if (own) return own;
      const value = (target as any)[property];
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}

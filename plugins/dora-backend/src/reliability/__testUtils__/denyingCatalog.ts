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

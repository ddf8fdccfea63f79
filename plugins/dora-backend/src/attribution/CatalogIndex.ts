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
  Entity,
  RELATION_CHILD_OF,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  GITHUB_ENVIRONMENT_ANNOTATION,
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GITLAB_PROJECT_SLUG_ANNOTATION,
  PAGERDUTY_SERVICE_ID_ANNOTATION,
  PRODUCTION_ENVIRONMENTS_ANNOTATION,
  SOURCE_TEMPLATE_ANNOTATION,
} from '@dora-metrics/plugin-dora-common';
import { DoraCatalogIndex } from '@dora-metrics/plugin-dora-node';

/**
 * What the DORA plugin needs to know of one catalog entity; backfill sources
 * of modules see part of it (`DoraCatalogEntity`).
 */
export type IndexedEntity = {
  ref: string;
  kind: string;
  title: string | null;
  ownerRef: string | null;
  /** Group entities only: the parent group. */
  parentRef: string | null;
  repositories: { annotation: string; value: string }[];
  pagerDutyServiceId: string | null;
  templateRef: string | null;
  productionEnvironments: string[] | null;
  /**
   * Deployment environments (lower case) this entity claims in a shared
   * repository; null when it takes every environment nobody claims.
   */
  deploymentEnvironments: string[] | null;
};

// Kinds that ship software and so can have deployments; groups, systems,
// domains and templates only own or describe them.
const DELIVERABLE_KINDS = new Set(['component', 'resource', 'api']);

/** Whether an entity is one whose own deployments and incidents are measured. */
export function isDeliverable(entity: IndexedEntity): boolean {
  return DELIVERABLE_KINDS.has(entity.kind.toLocaleLowerCase('en-US'));
}

/** The catalog fields the index is built from; nothing else is fetched. */
export const INDEX_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'relations',
];

const lower = (s: string) => s.toLocaleLowerCase('en-US');

function commaList(value: string | undefined): string[] | null {
  if (!value) return null;
  const items = value
    .split(',')
    .map(e => e.trim())
    .filter(Boolean);
  return items.length > 0 ? items : null;
}

function relationTarget(entity: Entity, type: string): string | null {
  const relation = entity.relations?.find(r => r.type === type);
  return relation ? lower(relation.targetRef) : null;
}

export function indexEntity(entity: Entity): IndexedEntity {
  const annotations = entity.metadata.annotations ?? {};
  const repositories = [
    GITHUB_PROJECT_SLUG_ANNOTATION,
    GITLAB_PROJECT_SLUG_ANNOTATION,
  ]
    .filter(a => annotations[a])
    .map(a => ({ annotation: a, value: lower(annotations[a].trim()) }));
  const template = annotations[SOURCE_TEMPLATE_ANNOTATION];
  return {
    ref: lower(stringifyEntityRef(entity)),
    kind: entity.kind,
    title: entity.metadata.title ?? null,
    ownerRef: relationTarget(entity, RELATION_OWNED_BY),
    parentRef:
      lower(entity.kind) === 'group'
        ? relationTarget(entity, RELATION_CHILD_OF)
        : null,
    repositories,
    pagerDutyServiceId:
      annotations[PAGERDUTY_SERVICE_ID_ANNOTATION]?.trim() || null,
    templateRef: template ? lower(template.trim()) : null,
    productionEnvironments: commaList(
      annotations[PRODUCTION_ENVIRONMENTS_ANNOTATION],
    ),
    deploymentEnvironments:
      commaList(annotations[GITHUB_ENVIRONMENT_ANNOTATION])?.map(lower) ?? null,
  };
}

/**
 * An in-memory view of the catalog, answering the attribution questions
 * (which entities a repository or service maps to, who owns an entity and
 * which groups are above that owner) without a catalog call per event.
 */
export class CatalogIndex implements DoraCatalogIndex {
  private readonly byRef = new Map<string, IndexedEntity>();
  private readonly byRepository = new Map<string, IndexedEntity[]>();
  private readonly byService = new Map<string, IndexedEntity[]>();

  constructor(entities: Iterable<IndexedEntity>) {
    for (const e of entities) {
      this.byRef.set(e.ref, e);
      for (const r of e.repositories) push(this.byRepository, r.value, e);
      if (e.pagerDutyServiceId) push(this.byService, e.pagerDutyServiceId, e);
    }
  }

  get size() {
    return this.byRef.size;
  }

  get(ref: string): IndexedEntity | undefined {
    return this.byRef.get(lower(ref));
  }

  entities(): IterableIterator<IndexedEntity> {
    return this.byRef.values();
  }

  byRepositoryName(repository: string): IndexedEntity[] {
    return this.byRepository.get(lower(repository.trim())) ?? [];
  }

  byPagerDutyService(serviceId: string): IndexedEntity[] {
    return this.byService.get(serviceId.trim()) ?? [];
  }

  /** The owner group of an entity, then each ancestor group up to the root. */
  ownerChain(entityRef: string): string[] {
    const chain: string[] = [];
    let cursor = this.get(entityRef)?.ownerRef ?? null;
    while (cursor && !chain.includes(cursor)) {
      chain.push(cursor);
      cursor = this.byRef.get(cursor)?.parentRef ?? null;
    }
    return chain;
  }

  /** A group and every group below it. */
  groupWithDescendants(groupRef: string): Set<string> {
    const children = new Map<string, string[]>();
    for (const e of this.byRef.values()) {
      if (e.parentRef) push(children, e.parentRef, e.ref);
    }
    const found = new Set<string>();
    const queue = [lower(groupRef)];
    while (queue.length) {
      const next = queue.pop()!;
      if (found.has(next)) continue;
      found.add(next);
      queue.push(...(children.get(next) ?? []));
    }
    return found;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

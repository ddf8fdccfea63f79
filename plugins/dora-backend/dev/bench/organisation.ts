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

import { Entity } from '@backstage/catalog-model';
import { BenchSize } from './sizes';

/** One generated service: its entity and where its events come from. */
export type BenchService = {
  index: number;
  entityRef: string;
  repository: string;
  ownerRef: string;
  templateRef: string | null;
};

/**
 * A second component in another service's repository (a monorepo): every
 * deployment of that repository is attributed to both. Its incidents are
 * the original's alone (they are pushed with the original's entityRef).
 */
export type MonorepoTwin = BenchService & { twinOf: string };

export type Organisation = {
  entities: Entity[];
  services: BenchService[];
  /** One twin per 50 services, owned and templated as its original. */
  twins: MonorepoTwin[];
  /** The group (subgroups included) owning the most services, at most 500. */
  teamGroupRef: string;
  /** How many services that group owns. */
  teamServiceCount: number;
  groupCount: number;
};

const groupRef = (name: string) => `group:default/${name}`;

/**
 * Groups in levels (each group's parent is in the level above, spread
 * evenly), services owned by leaf groups, one in five created from no
 * template. Deterministic from the size alone; histories come from the seed.
 */
export function generateOrganisation(size: BenchSize): Organisation {
  const entities: Entity[] = [];
  const levels: string[][] = [];
  const parents = new Map<string, string>();
  size.groupLevels.forEach((count, level) => {
    const names = Array.from(
      { length: count },
      (_, i) => `bench-l${level}-g${i}`,
    );
    levels.push(names);
    names.forEach((name, i) => {
      const parent =
        level === 0
          ? null
          : levels[level - 1][
              Math.floor((i * levels[level - 1].length) / count)
            ];
      if (parent) parents.set(name, parent);
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name, namespace: 'default', title: name },
        spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
        relations: parent
          ? [{ type: 'childOf', targetRef: groupRef(parent) }]
          : [],
      });
    });
  });
  const leaves = levels[levels.length - 1];
  const templates = Array.from(
    { length: size.templates },
    (_, i) => `template:default/bench-template-${i}`,
  );
  for (const ref of templates) {
    entities.push({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: ref.split('/')[1], namespace: 'default' },
      spec: { type: 'service' },
    });
  }
  const services: BenchService[] = [];
  const twins: MonorepoTwin[] = [];
  const component = (
    name: string,
    repository: string,
    ownerRef: string,
    templateRef: string | null,
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'github.com/project-slug': repository,
        ...(templateRef ? { 'backstage.io/source-template': templateRef } : {}),
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: ownerRef },
    relations: [{ type: 'ownedBy', targetRef: ownerRef }],
  });
  for (let index = 0; index < size.services; index++) {
    const name = `bench-svc-${index}`;
    const ownerRef = groupRef(leaves[index % leaves.length]);
    const templateRef =
      index % 5 === 4 ? null : templates[index % templates.length];
    const repository = `bench-org/${name}`;
    services.push({
      index,
      entityRef: `component:default/${name}`,
      repository,
      ownerRef,
      templateRef,
    });
    entities.push(component(name, repository, ownerRef, templateRef));
    if (index % 50 === 7) {
      const twin = `${name}-worker`;
      twins.push({
        index,
        entityRef: `component:default/${twin}`,
        repository,
        ownerRef,
        templateRef,
        twinOf: `component:default/${name}`,
      });
      entities.push(component(twin, repository, ownerRef, templateRef));
    }
  }
  return {
    entities,
    services,
    twins,
    ...teamGroup(services, parents),
    groupCount: size.groupLevels.reduce((a, b) => a + b, 0),
  };
}

/** The team view: the group owning the most services, at most 500. */
function teamGroup(
  services: readonly BenchService[],
  parents: ReadonlyMap<string, string>,
) {
  const owned = new Map<string, number>();
  for (const s of services) {
    let name: string | undefined = s.ownerRef.split('/')[1];
    for (; name; name = parents.get(name))
      owned.set(name, (owned.get(name) ?? 0) + 1);
  }
  const [name, count] = [...owned.entries()]
    .filter(([, n]) => n <= 500)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0];
  return { teamGroupRef: groupRef(name), teamServiceCount: count };
}

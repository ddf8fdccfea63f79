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
import { attributeEvent } from './attribute';
import { CatalogIndex, indexEntity } from './CatalogIndex';

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: { 'github.com/project-slug': 'acme/mono', ...annotations },
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team' }],
  };
}

const index = new CatalogIndex(
  [
    component('checkout', {
      'dora-metrics/github-environment':
        'checkout-production, Checkout-Staging',
    }),
    component('search', {
      'dora-metrics/github-environment': 'search-production',
    }),
    component('docs', {}),
    component('wiki', {}),
  ].map(indexEntity),
);

const refs = (environment: string | null) =>
  attributeEvent(index, {
    entityRef: null,
    repository: 'Acme/Mono',
    environment,
  })
    .map(a => a.entityRef)
    .sort();

describe('attributeEvent in a monorepo', () => {
  it('gives a deployment to the entity that claims its environment alone', () => {
    expect(refs('checkout-production')).toEqual(['component:default/checkout']);
    expect(refs('checkout-staging')).toEqual(['component:default/checkout']);
    expect(refs('search-production')).toEqual(['component:default/search']);
  });

  it('gives an environment nobody claims to every entity that claims none', () => {
    expect(refs('production')).toEqual([
      'component:default/docs',
      'component:default/wiki',
    ]);
  });

  it('counts for each entity when none narrows (a plain monorepo)', () => {
    const plain = new CatalogIndex(
      [component('a', {}), component('b', {})].map(indexEntity),
    );
    const result = attributeEvent(plain, {
      entityRef: null,
      repository: 'acme/mono',
      environment: 'production',
    });
    expect(result.map(a => [a.entityRef, a.matchedBy, a.ownerChain])).toEqual([
      [
        'component:default/a',
        'github.com/project-slug',
        ['group:default/team'],
      ],
      [
        'component:default/b',
        'github.com/project-slug',
        ['group:default/team'],
      ],
    ]);
  });

  it('does not narrow an event without an environment', () => {
    expect(refs(null)).toHaveLength(4);
  });

  it('reads the annotation as a lower-case list', () => {
    expect(
      index.get('component:default/checkout')?.deploymentEnvironments,
    ).toEqual(['checkout-production', 'checkout-staging']);
    expect(
      index.get('component:default/docs')?.deploymentEnvironments,
    ).toBeNull();
  });
});

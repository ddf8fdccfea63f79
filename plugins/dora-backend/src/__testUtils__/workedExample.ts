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

/** The worked example of docs/metrics.md, as push API batches. */
export const workedExample = {
  entityRef: 'component:default/checkout',
  window: { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' },
  deployments: [
    ['d0', '2026-02-27T10:00:00Z', 'a0', []],
    [
      'd1',
      '2026-03-02T12:00:00Z',
      'a1',
      [
        ['c1', '2026-03-02T08:00:00Z'],
        ['c2', '2026-03-01T12:00:00Z'],
      ],
    ],
    ['d2', '2026-03-03T09:00:00Z', 'a2', [['c3', '2026-03-03T08:30:00Z']]],
    [
      'd3',
      '2026-03-05T16:00:00Z',
      'a3',
      [
        ['c4', '2026-03-04T16:00:00Z'],
        ['c5', '2026-03-05T17:00:00Z'],
      ],
    ],
    ['d4', '2026-03-05T18:00:00Z', 'a4', []],
  ].map(([id, finishedAt, sha, commits]) => ({
    source: 'github-actions',
    id: id as string,
    entityRef: 'component:default/checkout',
    environment: 'production',
    status: 'success',
    finishedAt: finishedAt as string,
    sha: sha as string,
    commits: (commits as string[][]).map(([s, committedAt]) => ({
      sha: s,
      committedAt,
    })),
    ...(id === 'd4' ? { kind: 'rollback', rollbackOf: 'd3' } : {}),
  })),
  incidents: [
    {
      source: 'incident-bot',
      id: 'i1',
      entityRef: 'component:default/checkout',
      title: 'Checkout 5xx',
      startedAt: '2026-03-03T10:00:00Z',
      resolvedAt: '2026-03-03T12:30:00Z',
    },
  ],
};

export const checkoutEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    title: 'Checkout',
    annotations: {
      'github.com/project-slug': 'acme/checkout',
      'pagerduty.com/service-id': 'PCHK001',
      'backstage.io/source-template': 'template:default/node-service',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments',
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
};

export const paymentsGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments' },
  spec: { type: 'team', parent: 'commerce', children: [] },
  relations: [{ type: 'childOf', targetRef: 'group:default/commerce' }],
};

export const commerceGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'commerce' },
  spec: { type: 'department', children: ['payments'] },
  relations: [{ type: 'parentOf', targetRef: 'group:default/payments' }],
};

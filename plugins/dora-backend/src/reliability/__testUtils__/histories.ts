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
import {
  ChangeInput,
  DeploymentInput,
  IncidentInput,
} from '@dora-metrics/plugin-dora-common';
import fc from 'fast-check';
import {
  checkoutEntity,
  commerceGroup,
  paymentsGroup,
} from '../../__testUtils__/workedExample';
import { InProcessDora } from './inProcessDora';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** Checkout (from the worked example) and a second service of the same team. */
export const billingEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'billing',
    annotations: { 'github.com/project-slug': 'acme/billing' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
};
export const historyEntities = [
  checkoutEntity,
  billingEntity,
  paymentsGroup,
  commerceGroup,
];
export const historyEntityRefs = [
  'component:default/billing',
  'component:default/checkout',
];
/** Wide enough for every generated event, and its previous window too. */
export const historyWindow = {
  from: T0 - 7 * 24 * HOUR,
  to: T0 + 21 * 24 * HOUR,
};

const REPOSITORIES = ['acme/checkout', 'acme/billing'];
const COMMITS_PER_REPOSITORY = 8;
const sha = (repository: string, n: number) =>
  `${repository.split('/')[1]}-${n}`;

// Coarse times (4-hour steps over two weeks) so that equal timestamps, the
// case where arrival order could leak into results, happen often.
const time = fc.integer({ min: 0, max: 84 }).map(k => T0 + k * 4 * HOUR);

const change = (repository: string, n: number) =>
  fc.record({
    source: fc.constant('git'),
    repository: fc.constant(repository),
    sha: fc.constant(sha(repository, n)),
    committedAt: time.map(t => iso(t - 2 * HOUR)),
    parents: fc.constant<string[]>(n > 0 ? [sha(repository, n - 1)] : []),
    pullRequest: fc.option(
      fc.record({
        number: fc.constant(n + 1),
        createdAt: time.map(iso),
        mergedAt: time.map(t => iso(t + HOUR)),
      }),
      { nil: undefined },
    ),
  });

const deployment = (id: string, ids: readonly string[]) =>
  fc
    .record({
      where: fc.oneof(
        fc.constant({ entityRef: 'component:default/checkout' }),
        fc.constantFrom(...REPOSITORIES, 'acme/unknown').map(repository => ({
          repository,
        })),
      ),
      environment: fc.constantFrom('production', 'prod', 'staging'),
      status: fc.constantFrom('success', 'success', 'failure', 'cancelled'),
      finishedAt: time,
      head: fc.integer({ min: 0, max: COMMITS_PER_REPOSITORY - 1 }),
      listsCommits: fc.boolean(),
      kind: fc.constantFrom('planned', 'planned', 'hotfix', 'rollback'),
      rollbackOf: fc.option(fc.constantFrom(...ids), { nil: undefined }),
    })
    .map(d => {
      const repository =
        'repository' in d.where ? d.where.repository : 'acme/checkout';
      return {
        source: 'ci',
        id,
        ...d.where,
        environment: d.environment,
        status: d.status,
        finishedAt: iso(d.finishedAt),
        sha: sha(repository, d.head),
        ...(d.listsCommits
          ? {
              commits: [
                {
                  sha: sha(repository, d.head),
                  committedAt: iso(d.finishedAt - 3 * HOUR),
                },
              ],
            }
          : {}),
        kind: d.kind,
        ...(d.kind === 'rollback' && d.rollbackOf
          ? { rollbackOf: d.rollbackOf }
          : {}),
      } as DeploymentInput;
    });

const incident = (id: string, deploymentIds: readonly string[]) =>
  fc
    .record({
      where: fc.constantFrom(
        { entityRef: 'component:default/checkout' },
        { service: 'PCHK001' },
        { service: 'PUNKNOWN' },
      ),
      startedAt: time,
      resolvedAfterHours: fc.option(fc.integer({ min: 0, max: 30 }), {
        nil: null,
      }),
      cause: fc.option(fc.constantFrom(...deploymentIds), { nil: undefined }),
    })
    .map(
      i =>
        ({
          source: 'pd',
          id,
          ...i.where,
          startedAt: iso(i.startedAt),
          resolvedAt:
            i.resolvedAfterHours === null
              ? null
              : iso(i.startedAt + i.resolvedAfterHours * HOUR),
          ...(i.cause ? { causeDeploymentId: i.cause } : {}),
        } as IncidentInput),
    );

export type Kind = 'deployments' | 'changes' | 'incidents';
export type Item = DeploymentInput | ChangeInput | IncidentInput;
export type Delivery = { kind: Kind; key: string; item: Item };

/** Each event's final version, and for some an earlier version of the same key. */
export type History = { finals: Delivery[]; stale: Delivery[] };

const keyed = (kind: Kind, item: Item): Delivery => ({
  kind,
  item,
  key:
    kind === 'changes'
      ? `${kind}/${(item as ChangeInput).repository}/${
          (item as ChangeInput).sha
        }`
      : `${kind}/${(item as DeploymentInput).source}:${
          (item as DeploymentInput).id
        }`,
});

/** Final versions paired with an optional stale version of the same key. */
function versions(kind: Kind, arbitrary: fc.Arbitrary<Item>) {
  return fc
    .tuple(arbitrary, fc.option(arbitrary, { nil: undefined }))
    .map(([final, stale]) => ({
      final: keyed(kind, final),
      stale: stale ? [keyed(kind, stale)] : [],
    }));
}

export const historyArbitrary: fc.Arbitrary<History> = fc
  .record({ deployments: fc.nat(10), incidents: fc.nat(5), commits: fc.nat(2) })
  .chain(counts => {
    const ids = Array.from(
      { length: counts.deployments + 1 },
      (_, n) => `d${n}`,
    );
    const parts = [
      ...ids.map(id => versions('deployments', deployment(id, ids))),
      ...Array.from({ length: counts.incidents }, (_, n) =>
        versions('incidents', incident(`i${n}`, ids)),
      ),
      ...REPOSITORIES.flatMap(repository =>
        Array.from(
          { length: Math.min(COMMITS_PER_REPOSITORY, counts.commits * 3) },
          (_, n) => versions('changes', change(repository, n)),
        ),
      ),
    ];
    return fc.tuple(...parts);
  })
  .map(parts => ({
    finals: parts.map(p => p.final),
    stale: parts.flatMap(p => p.stale),
  }));

/** Pushes deliveries in order, cutting batches where the kind changes or `cuts` says. */
export async function deliver(
  dora: InProcessDora,
  deliveries: Delivery[],
  cuts: ReadonlySet<number> = new Set(),
) {
  let batch: Delivery[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const kind = batch[0].kind;
    const body = { [kind]: batch.map(d => d.item) };
    const ingest = {
      deployments: (b: unknown) => dora.ingest.ingestDeployments(b),
      incidents: (b: unknown) => dora.ingest.ingestIncidents(b),
      changes: (b: unknown) => dora.ingest.ingestChanges(b),
    };
    const result = await ingest[kind](body);
    if (result.rejected.length > 0) {
      throw new Error(`generated items rejected: ${JSON.stringify(result)}`);
    }
    batch = [];
  };
  for (const [index, delivery] of deliveries.entries()) {
    if (
      batch.length > 0 &&
      (batch[0].kind !== delivery.kind || cuts.has(index))
    )
      await flush();
    batch.push(delivery);
  }
  await flush();
}

const timeOf = (d: Delivery) => {
  const item = d.item as Partial<DeploymentInput & IncidentInput & ChangeInput>;
  return item.finishedAt ?? item.startedAt ?? item.committedAt ?? '';
};

/** One clean delivery: commits, then deployments, then incidents, in time order. */
export function cleanOrder(deliveries: Delivery[]): Delivery[] {
  const rank: Record<Kind, number> = {
    changes: 0,
    deployments: 1,
    incidents: 2,
  };
  return [...deliveries].sort(
    (a, b) =>
      rank[a.kind] - rank[b.kind] ||
      timeOf(a).localeCompare(timeOf(b)) ||
      a.key.localeCompare(b.key),
  );
}

/** What the push API promises to keep: the last delivered version of each key. */
export function lastWriteWins(deliveries: Delivery[]): Delivery[] {
  const last = new Map<string, Delivery>();
  for (const d of deliveries) {
    last.delete(d.key);
    last.set(d.key, d);
  }
  return [...last.values()];
}

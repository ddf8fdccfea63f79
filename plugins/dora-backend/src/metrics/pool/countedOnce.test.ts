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

import { DEFAULT_BAND_THRESHOLDS } from '@dora-metrics/plugin-dora-common';
import { deploymentRecord, t } from '../../__testUtils__/records';
import { computeDataQuality, computeMetrics } from '../computeMetrics';
import { deriveEntityFacts } from '../deriveFacts';
import { DeploymentRecord, EntityFacts, IncidentRecord } from '../types';
import { countedOnce } from './countedOnce';
import { concatPools, poolOfEntityFacts } from './factPool';

const window = {
  from: t('2026-03-02T00:00:00Z'),
  to: t('2026-03-09T00:00:00Z'),
};
const options = { timeZone: 'UTC', bands: DEFAULT_BAND_THRESHOLDS };
const commit = (sha: string, committedAt: string) => ({
  sha,
  committedAt: t(committedAt),
  authoredAt: null,
  automated: false,
});

// One monorepo, acme/shop, annotated on two components: each deployment is
// attributed to both, with the same key.
const deployments: DeploymentRecord[] = [
  deploymentRecord('m1', '2026-03-02T12:00:00Z', {
    repository: 'acme/shop',
    commits: [commit('c1', '2026-03-02T08:00:00Z')],
  }),
  deploymentRecord('m2', '2026-03-04T12:00:00Z', {
    repository: 'acme/shop',
    commits: [
      commit('c2', '2026-03-03T12:00:00Z'),
      commit('c3', '2026-03-04T10:00:00Z'),
    ],
  }),
];

// The cart's pager: it starts an hour after m2 and is resolved 3 hours after it.
const cartIncident: IncidentRecord = {
  key: 'pd:i1',
  source: 'pd',
  externalId: 'i1',
  startedAt: t('2026-03-04T13:00:00Z'),
  resolvedAt: t('2026-03-04T15:00:00Z'),
  causeDeploymentId: null,
  causeSha: null,
};

const factsOf = (entityRef: string, incidents: IncidentRecord[]) =>
  deriveEntityFacts(
    {
      entityRef,
      productionEnvironments: ['production'],
      deployments,
      incidents,
      changes: new Map(),
    },
    { incidentLinkWindowMs: null, includeAutomated: false },
  );

const pooled = (...facts: EntityFacts[]) =>
  countedOnce(concatPools(facts.map(poolOfEntityFacts)));

describe('countedOnce: a monorepo deployment in a pool (spec v2)', () => {
  it('counts each deployment once, with its commits once, failed if any copy failed', () => {
    // The cart's incident fails m2 for the cart only; the web shares it.
    const cart = factsOf('component:default/cart', [cartIncident]);
    const web = factsOf('component:default/web', []);
    const metrics = computeMetrics(pooled(web, cart), window, options);

    // Without countedOnce: 4 deployments, 6 lead-time samples.
    expect(metrics.deploymentFrequency).toMatchObject({
      count: 2,
      deploymentDays: 2,
    });
    // m1: 4 h; m2: 24 h and 2 h.
    expect(metrics.leadTime).toMatchObject({ samples: 3, medianHours: 4 });
    expect(metrics.changeFailureRate).toEqual({
      failed: 1,
      total: 2,
      rate: 0.5,
      band: 'low',
    });
    // The incident started after m2 finished: neither is unplanned.
    expect(metrics.reworkRate).toEqual({ unplanned: 0, total: 2, rate: 0 });
    expect(metrics.recoveryTime).toMatchObject({
      medianHours: 3,
      samples: 1,
      timeToRestoreSamples: 1,
    });
  });

  it('counts an incident attributed to both entities once', () => {
    const cart = factsOf('component:default/cart', [cartIncident]);
    const web = factsOf('component:default/web', [cartIncident]);
    const pool = pooled(cart, web);
    const metrics = computeMetrics(pool, window, options);
    expect(metrics.changeFailureRate).toMatchObject({ failed: 1, total: 2 });
    expect(metrics.recoveryTime).toMatchObject({
      samples: 1,
      timeToRestoreSamples: 1,
    });
    expect(pool.incidents).toHaveLength(1);
    expect(computeDataQuality(pool, window).unlinkedIncidents).toBe(0);
  });

  it('gives the same figures whatever order the entities are pooled in', () => {
    const cart = factsOf('component:default/cart', [cartIncident]);
    const web = factsOf('component:default/web', []);
    expect(computeMetrics(pooled(cart, web), window, options)).toEqual(
      computeMetrics(pooled(web, cart), window, options),
    );
  });

  it('leaves pools without a shared deployment as they are', () => {
    const cart = factsOf('component:default/cart', [cartIncident]);
    const pool = concatPools([poolOfEntityFacts(cart)]);
    expect(countedOnce(pool).deployments).toBe(pool.deployments);
  });

  it('keeps each entity its own copy: only pools count once', () => {
    const cart = factsOf('component:default/cart', [cartIncident]);
    const web = factsOf('component:default/web', []);
    expect(
      computeMetrics(poolOfEntityFacts(web), window, options).changeFailureRate
        .failed,
    ).toBe(0);
    expect(
      computeMetrics(poolOfEntityFacts(cart), window, options).changeFailureRate
        .failed,
    ).toBe(1);
  });
});

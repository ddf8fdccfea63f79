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
  DoraMetrics,
  EntityMetricsResponse,
  SeriesPoint,
} from '@dora-metrics/plugin-dora-common';

/*
 * Test fixtures built from the worked example of the metric definitions
 * (docs: /spec/metrics.md): component:default/checkout, one ISO week from
 * 2026-03-02, UTC. The previous week is not part of the example; it is a
 * plausible prior week chosen so that every delta direction is exercised.
 */

export const CHECKOUT_REF = 'component:default/checkout';

export const checkoutEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: {
      'github.com/project-slug': 'acme/checkout',
      'pagerduty.com/service-id': 'PXYZ123',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:payments' },
};

export const unannotatedEntity: Entity = {
  ...checkoutEntity,
  metadata: { name: 'legacy-billing', namespace: 'default', annotations: {} },
};

const stagesUnknown = {
  codingHours: null,
  pickupHours: null,
  reviewHours: null,
  deployHours: null,
};

export const workedExampleMetrics: DoraMetrics = {
  deploymentFrequency: {
    count: 4,
    perDay: 4 / 7,
    deploymentDays: 3,
    medianDeploymentDaysPerWeek: 3,
    medianDeploymentDaysPerMonth: 3,
    band: 'high',
    // The first stored deployment, before the previous week's two.
    historyStartsAt: '2026-02-20T10:00:00.000Z',
  },
  leadTime: {
    medianHours: 14,
    p90Hours: 24,
    samples: 4,
    band: 'elite',
    stages: stagesUnknown,
  },
  changeFailureRate: { failed: 2, total: 4, rate: 0.5, band: 'low' },
  recoveryTime: {
    medianHours: 2.75,
    samples: 2,
    band: 'high',
    timeToRestoreMedianHours: 2.5,
    timeToRestoreSamples: 1,
    openIncidents: 0,
  },
  reworkRate: { unplanned: 1, total: 4, rate: 0.25 },
};

/** The week before: fewer deploys, slower lead time, no failures. */
export const previousWeekMetrics: DoraMetrics = {
  deploymentFrequency: {
    count: 2,
    perDay: 2 / 7,
    deploymentDays: 2,
    medianDeploymentDaysPerWeek: 2,
    medianDeploymentDaysPerMonth: 2,
    band: 'high',
    historyStartsAt: '2026-02-20T10:00:00.000Z',
  },
  leadTime: {
    medianHours: 30,
    p90Hours: 40,
    samples: 3,
    band: 'high',
    stages: stagesUnknown,
  },
  changeFailureRate: { failed: 0, total: 2, rate: 0, band: 'elite' },
  recoveryTime: {
    medianHours: null,
    samples: 0,
    band: null,
    timeToRestoreMedianHours: null,
    timeToRestoreSamples: 0,
    openIncidents: 0,
  },
  reworkRate: { unplanned: 0, total: 2, rate: 0 },
};

/** An empty window: every statistic null, counts zero. */
export const emptyMetrics: DoraMetrics = {
  deploymentFrequency: {
    count: 0,
    perDay: null,
    deploymentDays: 0,
    medianDeploymentDaysPerWeek: null,
    medianDeploymentDaysPerMonth: null,
    band: null,
    historyStartsAt: null,
  },
  leadTime: {
    medianHours: null,
    p90Hours: null,
    samples: 0,
    band: null,
    stages: stagesUnknown,
  },
  changeFailureRate: { failed: 0, total: 0, rate: null, band: null },
  recoveryTime: {
    medianHours: null,
    samples: 0,
    band: null,
    timeToRestoreMedianHours: null,
    timeToRestoreSamples: 0,
    openIncidents: 0,
  },
  reworkRate: { unplanned: 0, total: 0, rate: null },
};

const emptyDay = (start: string): SeriesPoint => ({
  start,
  deployments: 0,
  beforeHistory: false,
  deploymentFrequencyBand: 'low',
  leadTimeMedianHours: null,
  leadTimeP90Hours: null,
  failedDeployments: 0,
  changeFailureRate: null,
  recoveryMedianHours: null,
  reworkRate: null,
});

/** The worked example by day: d1 on 03-02, d2 on 03-03, d3 and d4 on 03-05. */
export const workedExampleDailySeries: SeriesPoint[] = [
  {
    start: '2026-03-02T00:00:00.000Z',
    deployments: 1,
    beforeHistory: false,
    deploymentFrequencyBand: 'high',
    leadTimeMedianHours: 14,
    leadTimeP90Hours: 22,
    failedDeployments: 0,
    changeFailureRate: 0,
    recoveryMedianHours: null,
    reworkRate: 0,
  },
  {
    start: '2026-03-03T00:00:00.000Z',
    deployments: 1,
    beforeHistory: false,
    deploymentFrequencyBand: 'high',
    leadTimeMedianHours: 0.5,
    leadTimeP90Hours: 0.5,
    failedDeployments: 1,
    changeFailureRate: 1,
    recoveryMedianHours: 3.5,
    reworkRate: 0,
  },
  emptyDay('2026-03-04T00:00:00.000Z'),
  {
    start: '2026-03-05T00:00:00.000Z',
    deployments: 2,
    beforeHistory: false,
    deploymentFrequencyBand: 'high',
    leadTimeMedianHours: 24,
    leadTimeP90Hours: 24,
    failedDeployments: 1,
    changeFailureRate: 0.5,
    recoveryMedianHours: 2,
    reworkRate: 0.5,
  },
  emptyDay('2026-03-06T00:00:00.000Z'),
  emptyDay('2026-03-07T00:00:00.000Z'),
  emptyDay('2026-03-08T00:00:00.000Z'),
];

export const workedExampleResponse: EntityMetricsResponse = {
  entityRef: CHECKOUT_REF,
  window: { from: '2026-03-02T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z' },
  granularity: 'day',
  timeZone: 'UTC',
  ...workedExampleMetrics,
  previous: {
    window: {
      from: '2026-02-23T00:00:00.000Z',
      to: '2026-03-02T00:00:00.000Z',
    },
    ...previousWeekMetrics,
  },
  series: workedExampleDailySeries,
  dataQuality: {
    clockSkewedChanges: 1,
    automatedChangesExcluded: 0,
    unlinkedIncidents: 0,
    deploymentsWithUnknownCommits: 0,
  },
};

/**
 * This week had nothing; the week before had deployments. The service
 * deploys, so its deployment frequency is a measured zero (spec v2); every
 * other figure has no sample.
 */
export const emptyWindowResponse: EntityMetricsResponse = {
  ...workedExampleResponse,
  ...emptyMetrics,
  deploymentFrequency: {
    count: 0,
    perDay: 0,
    deploymentDays: 0,
    medianDeploymentDaysPerWeek: 0,
    medianDeploymentDaysPerMonth: 0,
    band: 'low',
    historyStartsAt: workedExampleMetrics.deploymentFrequency.historyStartsAt,
  },
  series: workedExampleDailySeries.map(p => emptyDay(p.start)),
  dataQuality: {
    clockSkewedChanges: 0,
    automatedChangesExcluded: 0,
    unlinkedIncidents: 0,
    deploymentsWithUnknownCommits: 0,
  },
};

/** Nothing stored: no deployment of any kind, no incident. */
export const noEventsResponse: EntityMetricsResponse = {
  ...emptyWindowResponse,
  ...emptyMetrics,
  previous: { ...workedExampleResponse.previous, ...emptyMetrics },
};

/**
 * The worked example of a service whose first deployment of any kind was on
 * Wednesday 4 March at 20:00 UTC, inside the window.
 */
export const shortHistoryResponse: EntityMetricsResponse = {
  ...workedExampleResponse,
  deploymentFrequency: {
    ...workedExampleMetrics.deploymentFrequency,
    historyStartsAt: '2026-03-04T20:00:00.000Z',
  },
};

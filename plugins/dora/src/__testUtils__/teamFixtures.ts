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
  EntityMetricsSummary,
  MetricsDataQuality,
  MetricWindow,
} from '@dora-metrics/plugin-dora-common';
import { DoraApi } from '../api';
import {
  emptyMetrics as sharedEmpty,
  workedExampleMetrics as sharedWorkedExample,
} from './workedExample';

/**
 * Fixtures for the team and template tests, typed with the common types so
 * that a change of the API shape breaks the tests, not only the app.
 */

export type MetricsWithQuality = DoraMetrics & {
  dataQuality: MetricsDataQuality;
};

export const WINDOW: MetricWindow = {
  from: '2026-03-02T00:00:00.000Z',
  to: '2026-03-09T00:00:00.000Z',
};

export const PREVIOUS_WINDOW: MetricWindow = {
  from: '2026-02-23T00:00:00.000Z',
  to: '2026-03-02T00:00:00.000Z',
};

const NO_STAGES = {
  codingHours: null,
  pickupHours: null,
  reviewHours: null,
  deployHours: null,
};

const CLEAN_DATA: MetricsDataQuality = {
  clockSkewedChanges: 0,
  automatedChangesExcluded: 0,
  unlinkedIncidents: 0,
  deploymentsWithUnknownCommits: 0,
};

/** The spec's worked example (`component:default/checkout`, one week). */
export function workedExampleMetrics(): MetricsWithQuality {
  return {
    ...sharedWorkedExample,
    dataQuality: { ...CLEAN_DATA, clockSkewedChanges: 1 },
  };
}

/** A steadier service: daily deploys, one failure in ten. */
export function steadyServiceMetrics(): MetricsWithQuality {
  return {
    deploymentFrequency: {
      count: 6,
      perDay: 6 / 7,
      deploymentDays: 5,
      medianDeploymentDaysPerWeek: 5,
      medianDeploymentDaysPerMonth: 5,
      band: 'elite',
      historyStartsAt: '2025-06-02T09:00:00.000Z',
    },
    leadTime: {
      medianHours: 30,
      p90Hours: 70,
      samples: 12,
      band: 'high',
      stages: NO_STAGES,
    },
    changeFailureRate: { failed: 0, total: 6, rate: 0, band: 'elite' },
    recoveryTime: {
      medianHours: null,
      samples: 0,
      band: null,
      timeToRestoreMedianHours: null,
      timeToRestoreSamples: 0,
      openIncidents: 0,
    },
    reworkRate: { unplanned: 0, total: 6, rate: 0 },
    dataQuality: CLEAN_DATA,
  };
}

/** The pool of the two services above (medians over all their events). */
export function pooledTeamMetrics(): MetricsWithQuality {
  return {
    deploymentFrequency: {
      count: 10,
      perDay: 10 / 7,
      deploymentDays: 6,
      medianDeploymentDaysPerWeek: 6,
      medianDeploymentDaysPerMonth: 6,
      band: 'elite',
      historyStartsAt: '2025-06-02T09:00:00.000Z',
    },
    leadTime: {
      medianHours: 20,
      p90Hours: 60,
      samples: 16,
      band: 'elite',
      stages: NO_STAGES,
    },
    changeFailureRate: { failed: 2, total: 10, rate: 0.2, band: 'low' },
    recoveryTime: {
      medianHours: 2.75,
      samples: 2,
      band: 'high',
      timeToRestoreMedianHours: 2.5,
      timeToRestoreSamples: 1,
      openIncidents: 1,
    },
    reworkRate: { unplanned: 1, total: 10, rate: 0.1 },
    dataQuality: { ...CLEAN_DATA, clockSkewedChanges: 1 },
  };
}

/** A window with no events: every statistic null, every count 0. */
export function emptyMetrics(): MetricsWithQuality {
  return { ...sharedEmpty, dataQuality: CLEAN_DATA };
}

export const checkoutService: EntityMetricsSummary = {
  entityRef: 'component:default/checkout',
  title: 'Checkout',
  metrics: workedExampleMetrics(),
};

export const paymentsApiService: EntityMetricsSummary = {
  entityRef: 'component:default/payments-api',
  title: null,
  metrics: steadyServiceMetrics(),
};

export const paymentsGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
  spec: { type: 'team', children: ['payments-checkout'] },
};

export const nodeServiceTemplate: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: {
    name: 'node-service',
    namespace: 'default',
    title: 'Node service',
  },
  spec: { type: 'service', owner: 'group:default/platform', steps: [] },
};

/** A DoraApi whose every method is a jest mock, for TestApiProvider. */
export function mockDoraApi(): jest.Mocked<DoraApi> {
  return {
    getEntityMetrics: jest.fn(),
    getTeamMetrics: jest.fn(),
    getTemplateReport: jest.fn(),
    getTemplateMetrics: jest.fn(),
    listDeployments: jest.fn(),
    listIncidents: jest.fn(),
    getDataQuality: jest.fn(),
  };
}

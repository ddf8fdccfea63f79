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
import { deploymentRecord, t } from '../__testUtils__/records';
import { computeMetrics } from './computeMetrics';
import { deriveEntityFacts } from './deriveFacts';
import { poolOfEntityFacts } from './pool/factPool';
import { DeploymentRecord } from './types';

// Four ISO weeks of March 2026: Mondays 2, 9, 16 and 23; ends Monday 30.
const window = {
  from: t('2026-03-02T00:00:00Z'),
  to: t('2026-03-30T00:00:00Z'),
};
const options = { timeZone: 'UTC', bands: DEFAULT_BAND_THRESHOLDS };

const frequencyOf = (deployments: DeploymentRecord[], at = window) =>
  computeMetrics(
    poolOfEntityFacts(
      deriveEntityFacts(
        {
          entityRef: 'component:default/checkout',
          productionEnvironments: ['production'],
          deployments,
          incidents: [],
          changes: new Map(),
        },
        { incidentLinkWindowMs: null, includeAutomated: false },
      ),
    ),
    at,
    options,
  ).deploymentFrequency;

describe('deployment frequency over a history shorter than the window (spec v2)', () => {
  // The service's first run, a failed staging deployment, on Wednesday the
  // 18th; then five counted deployments on five days.
  const young = [
    deploymentRecord('s0', '2026-03-18T10:00:00Z', {
      environment: 'staging',
      status: 'failure',
    }),
    deploymentRecord('d1', '2026-03-18T12:00:00Z'),
    deploymentRecord('d2', '2026-03-19T12:00:00Z'),
    deploymentRecord('d3', '2026-03-24T12:00:00Z'),
    deploymentRecord('d4', '2026-03-25T12:00:00Z'),
    deploymentRecord('d5', '2026-03-26T12:00:00Z'),
  ];

  it('leaves out the weeks before the history and counts days from its first day', () => {
    // Weeks of the 2nd and 9th end before the 18th: out. The week of the
    // 16th (the 18th and 19th) and of the 23rd (three days) are in: the
    // median of [2, 3] is 2.5, not the median of [0, 0, 2, 3] (1). March
    // starts before the history but ends after it: one month of 5 days.
    // perDay counts the 12 days from the 18th at midnight to the 30th.
    expect(frequencyOf(young)).toEqual({
      count: 5,
      perDay: 5 / 12,
      deploymentDays: 5,
      medianDeploymentDaysPerWeek: 2.5,
      medianDeploymentDaysPerMonth: 5,
      band: 'high',
      historyStartsAt: '2026-03-18T10:00:00.000Z',
    });
  });

  it('judges a history older than the window on the whole window', () => {
    const older = [deploymentRecord('d0', '2026-02-10T12:00:00Z'), ...young];
    expect(frequencyOf(older)).toMatchObject({
      perDay: 5 / 28,
      medianDeploymentDaysPerWeek: 1,
      historyStartsAt: '2026-02-10T12:00:00.000Z',
    });
  });

  it('counts the history from its first day in the report time zone', () => {
    const metrics = computeMetrics(
      poolOfEntityFacts(
        deriveEntityFacts(
          {
            entityRef: 'component:default/checkout',
            productionEnvironments: ['production'],
            deployments: young,
            incidents: [],
            changes: new Map(),
          },
          { incidentLinkWindowMs: null, includeAutomated: false },
        ),
      ),
      window,
      { ...options, timeZone: 'Pacific/Auckland' },
    );
    // 10:00Z on the 18th is 23:00 the same day in Auckland (UTC+13): its
    // day started at 11:00Z on the 17th, 12 days and 13 hours before the end.
    expect(metrics.deploymentFrequency.perDay).toBeCloseTo(5 / (12 + 13 / 24));
  });
});

describe('an empty window (spec v2, zero as a measurement)', () => {
  it('is a measured zero when a deployment of any status was stored before it', () => {
    // Only a failed run, in February: nothing counted, but the service deploys.
    const history = [
      deploymentRecord('f0', '2026-02-20T12:00:00Z', { status: 'failure' }),
    ];
    expect(frequencyOf(history)).toEqual({
      count: 0,
      perDay: 0,
      deploymentDays: 0,
      medianDeploymentDaysPerWeek: 0,
      medianDeploymentDaysPerMonth: 0,
      band: 'low',
      historyStartsAt: '2026-02-20T12:00:00.000Z',
    });
  });

  it('is a measured zero over the weeks since a history begun inside the window', () => {
    const history = [
      deploymentRecord('f0', '2026-03-25T12:00:00Z', {
        environment: 'staging',
      }),
    ];
    expect(frequencyOf(history)).toMatchObject({
      count: 0,
      perDay: 0,
      medianDeploymentDaysPerWeek: 0,
      band: 'low',
    });
  });

  it('has no data when the history starts at or after the window end', () => {
    const history = [deploymentRecord('d9', '2026-03-30T00:00:00Z')];
    expect(frequencyOf(history)).toEqual({
      count: 0,
      perDay: null,
      deploymentDays: 0,
      medianDeploymentDaysPerWeek: null,
      medianDeploymentDaysPerMonth: null,
      band: null,
      historyStartsAt: '2026-03-30T00:00:00.000Z',
    });
  });

  it('has no data when nothing is stored', () => {
    expect(frequencyOf([])).toEqual({
      count: 0,
      perDay: null,
      deploymentDays: 0,
      medianDeploymentDaysPerWeek: null,
      medianDeploymentDaysPerMonth: null,
      band: null,
      historyStartsAt: null,
    });
  });
});

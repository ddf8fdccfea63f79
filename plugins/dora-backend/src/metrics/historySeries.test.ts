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

import { deploymentRecord, t } from '../__testUtils__/records';
import { computeSeries } from './computeMetrics';
import { deriveEntityFacts } from './deriveFacts';
import { concatPools, poolOfEntityFacts } from './pool/factPool';
import { DeploymentRecord } from './types';

// Four ISO weeks of March 2026: Mondays 2, 9, 16 and 23; ends Monday 30.
const window = {
  from: t('2026-03-02T00:00:00Z'),
  to: t('2026-03-30T00:00:00Z'),
};

const poolOf = (entityRef: string, deployments: DeploymentRecord[]) =>
  poolOfEntityFacts(
    deriveEntityFacts(
      {
        entityRef,
        productionEnvironments: ['production'],
        deployments,
        incidents: [],
        changes: new Map(),
      },
      { incidentLinkWindowMs: null, includeAutomated: false },
    ),
  );

const weekly = (deployments: DeploymentRecord[]) =>
  computeSeries(
    poolOf('component:default/checkout', deployments),
    window,
    'week',
    'UTC',
  ).map(p => ({
    beforeHistory: p.beforeHistory,
    deployments: p.deployments,
    failedDeployments: p.failedDeployments,
    band: p.deploymentFrequencyBand,
  }));

// Before the history the counts are 0 by count, but flagged: no data.
const noData = {
  beforeHistory: true,
  deployments: 0,
  failedDeployments: 0,
  band: null,
};
const zero = {
  beforeHistory: false,
  deployments: 0,
  failedDeployments: 0,
  band: 'low',
};

describe('trend series over a history shorter than the window (spec v2)', () => {
  it('has no data in the buckets that end before the history, measured zeros after', () => {
    // The history starts with a failed staging run on Wednesday the 18th;
    // two counted deployments follow on the 19th, none in the last week.
    const series = weekly([
      deploymentRecord('s0', '2026-03-18T10:00:00Z', {
        environment: 'staging',
        status: 'failure',
      }),
      deploymentRecord('d1', '2026-03-19T12:00:00Z'),
      deploymentRecord('d2', '2026-03-19T13:00:00Z'),
    ]);
    expect(series).toEqual([
      noData,
      noData,
      // One deployment day in the week: the band of 1 day a week.
      {
        beforeHistory: false,
        deployments: 2,
        failedDeployments: 0,
        band: 'high',
      },
      zero,
    ]);
  });

  it('counts a bucket the history starts inside as measured', () => {
    // The first run on the last day of the second week: that week is kept.
    const series = weekly([
      deploymentRecord('f0', '2026-03-15T23:00:00Z', { status: 'failure' }),
    ]);
    expect(series).toEqual([noData, zero, zero, zero]);
  });

  it('has no data anywhere when nothing is stored or the history starts at the end', () => {
    expect(weekly([])).toEqual([noData, noData, noData, noData]);
    expect(weekly([deploymentRecord('d9', '2026-03-30T00:00:00Z')])).toEqual([
      noData,
      noData,
      noData,
      noData,
    ]);
  });

  it('measures every bucket of a history older than the window', () => {
    expect(weekly([deploymentRecord('d0', '2026-02-10T12:00:00Z')])).toEqual([
      zero,
      zero,
      zero,
      zero,
    ]);
  });

  it('starts a pool at its earliest entity, in day and month buckets too', () => {
    const pool = concatPools([
      poolOf('component:default/a', [
        deploymentRecord('a1', '2026-03-04T12:00:00Z'),
      ]),
      poolOf('component:default/b', [
        deploymentRecord('b1', '2026-03-27T12:00:00Z'),
      ]),
    ]);
    const days = computeSeries(
      pool,
      { from: t('2026-03-02T00:00:00Z'), to: t('2026-03-07T00:00:00Z') },
      'day',
      'UTC',
    ).map(p => (p.beforeHistory ? null : p.deployments));
    expect(days).toEqual([null, null, 1, 0, 0]);
    const months = computeSeries(
      pool,
      { from: t('2026-02-01T00:00:00Z'), to: t('2026-04-01T00:00:00Z') },
      'month',
      'UTC',
    ).map(p => [
      p.beforeHistory ? null : p.deployments,
      p.deploymentFrequencyBand,
    ]);
    // February ends before the history: no data. March holds both.
    expect(months).toEqual([
      [null, null],
      [2, 'medium'],
    ]);
  });
});

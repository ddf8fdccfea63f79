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
import {
  computeDataQuality,
  computeMetrics,
  computeSeries,
} from './computeMetrics';
import { poolOfEntityFacts } from './pool/factPool';
import { deriveEntityFacts } from './deriveFacts';
import { ChangeRecord, DeploymentRecord, EntityHistory } from './types';
import { deploymentRecord, t } from '../__testUtils__/records';

// The worked example of docs/metrics.md, as plain records.
const deployment = (
  id: string,
  finishedAt: string,
  sha: string,
  extra: Partial<DeploymentRecord> = {},
) => deploymentRecord(id, finishedAt, { sha, ...extra });
const commit = (sha: string, committedAt: string) => ({
  sha,
  committedAt: t(committedAt),
  authoredAt: null,
  automated: false,
});

const listedCommits: DeploymentRecord[] = [
  deployment('d0', '2026-02-27T10:00:00Z', 'a0'),
  deployment('d1', '2026-03-02T12:00:00Z', 'a1', {
    commits: [
      commit('c1', '2026-03-02T08:00:00Z'),
      commit('c2', '2026-03-01T12:00:00Z'),
    ],
  }),
  deployment('d2', '2026-03-03T09:00:00Z', 'a2', {
    commits: [commit('c3', '2026-03-03T08:30:00Z')],
  }),
  deployment('d3', '2026-03-05T16:00:00Z', 'a3', {
    commits: [
      commit('c4', '2026-03-04T16:00:00Z'),
      commit('c5', '2026-03-05T17:00:00Z'),
    ],
  }),
  deployment('d4', '2026-03-05T18:00:00Z', 'a4', {
    kind: 'rollback',
    rollbackOf: 'd3',
    commits: [],
  }),
];

const incident = {
  key: 'pd:i1',
  source: 'pd',
  externalId: 'i1',
  startedAt: t('2026-03-03T10:00:00Z'),
  resolvedAt: t('2026-03-03T12:30:00Z'),
  causeDeploymentId: null,
  causeSha: null,
};

const history = (
  deployments: DeploymentRecord[],
  changes = new Map(),
): EntityHistory => ({
  entityRef: 'component:default/checkout',
  productionEnvironments: ['production', 'prod'],
  deployments,
  incidents: [incident],
  changes,
});

const window = {
  from: t('2026-03-02T00:00:00Z'),
  to: t('2026-03-09T00:00:00Z'),
};
const options = { timeZone: 'UTC', bands: DEFAULT_BAND_THRESHOLDS };

function expectWorkedExampleFigures(h: EntityHistory) {
  const facts = deriveEntityFacts(h, {
    incidentLinkWindowMs: null,
    includeAutomated: false,
  });
  const metrics = computeMetrics(poolOfEntityFacts(facts), window, options);

  expect(metrics.deploymentFrequency).toEqual({
    count: 4,
    perDay: 4 / 7,
    deploymentDays: 3,
    medianDeploymentDaysPerWeek: 3,
    medianDeploymentDaysPerMonth: 3,
    band: 'high',
    // d0 is stored, before the window: the whole window counts.
    historyStartsAt: '2026-02-27T10:00:00.000Z',
  });
  expect(metrics.leadTime).toMatchObject({
    medianHours: 14,
    p90Hours: 24,
    samples: 4,
    band: 'elite',
  });
  expect(metrics.changeFailureRate).toEqual({
    failed: 2,
    total: 4,
    rate: 0.5,
    band: 'low',
  });
  expect(metrics.recoveryTime).toEqual({
    medianHours: 2.75,
    samples: 2,
    band: 'high',
    timeToRestoreMedianHours: 2.5,
    timeToRestoreSamples: 1,
    openIncidents: 0,
  });
  expect(metrics.reworkRate).toEqual({ unplanned: 1, total: 4, rate: 0.25 });
  expect(computeDataQuality(poolOfEntityFacts(facts), window)).toEqual({
    clockSkewedChanges: 1,
    automatedChangesExcluded: 0,
    unlinkedIncidents: 0,
    deploymentsWithUnknownCommits: 0,
  });
  expect(facts.incidents[0]).toMatchObject({
    linkedDeployment: 'ci:d2',
    linkedBy: 'time',
  });
  return facts;
}

describe('worked example (docs/metrics.md)', () => {
  it('reproduces every figure when deployments list their commits', () => {
    const facts = expectWorkedExampleFigures(history(listedCommits));
    expect(
      computeSeries(poolOfEntityFacts(facts), window, 'week', 'UTC'),
    ).toEqual([
      {
        start: '2026-03-02T00:00:00.000Z',
        deployments: 4,
        beforeHistory: false,
        deploymentFrequencyBand: 'high',
        leadTimeMedianHours: 14,
        leadTimeP90Hours: 24,
        failedDeployments: 2,
        changeFailureRate: 0.5,
        recoveryMedianHours: 2.75,
        reworkRate: 0.25,
      },
    ]);
  });

  it('reproduces every figure when shipped commits come from first-parent history', () => {
    // a0 <- c2 <- c1 <- c3 <- c4 <- c5; each deployment deploys its newest commit
    // and the rollback d4 goes back to c3, which was already shipped.
    const chain: [string, string, string | null][] = [
      ['a0', '2026-02-26T10:00:00Z', null],
      ['c2', '2026-03-01T12:00:00Z', 'a0'],
      ['c1', '2026-03-02T08:00:00Z', 'c2'],
      ['c3', '2026-03-03T08:30:00Z', 'c1'],
      ['c4', '2026-03-04T16:00:00Z', 'c3'],
      ['c5', '2026-03-05T17:00:00Z', 'c4'],
    ];
    const changes = new Map<string, ChangeRecord>(
      chain.map(([sha, at, parent]) => [
        sha,
        {
          sha,
          committedAt: t(at),
          authoredAt: null,
          automated: false,
          firstParent: parent,
          pullRequest: null,
        },
      ]),
    );
    const fromHistory = listedCommits.map((d, i) => ({
      ...d,
      commits: null,
      sha: ['a0', 'c1', 'c3', 'c5', 'c3'][i],
    }));
    const facts = expectWorkedExampleFigures(
      history(fromHistory, new Map([['acme/checkout', changes]])),
    );
    expect(facts.deployments.map(d => d.commits.map(c => c.sha))).toEqual([
      [],
      ['c1', 'c2'],
      ['c3'],
      ['c5', 'c4'],
      [],
    ]);
  });

  it('reports the window before as the previous period', () => {
    const facts = deriveEntityFacts(history(listedCommits), {
      incidentLinkWindowMs: null,
      includeAutomated: false,
    });
    const previous = computeMetrics(
      poolOfEntityFacts(facts),
      { from: t('2026-02-23T00:00:00Z'), to: window.from },
      options,
    );
    expect(previous.deploymentFrequency.count).toBe(1);
    expect(previous.leadTime.medianHours).toBeNull();
    expect(previous.leadTime.band).toBeNull();
    expect(previous.changeFailureRate).toEqual({
      failed: 0,
      total: 1,
      rate: 0,
      band: 'elite',
    });
    expect(previous.recoveryTime.medianHours).toBeNull();
  });
});

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
import { DeploymentRecord, EntityHistory, IncidentRecord } from './types';
import { deploymentRecord, t } from '../__testUtils__/records';

const HOUR = 3_600_000;

const deployment = (
  id: string,
  finishedAt: string,
  extra: Partial<DeploymentRecord> = {},
) =>
  deploymentRecord(id, finishedAt, {
    repository: 'acme/shop',
    commits: [],
    ...extra,
  });

const incident = (
  id: string,
  startedAt: string,
  resolvedAt: string | null,
  extra: Partial<IncidentRecord> = {},
): IncidentRecord => ({
  key: `pd:${id}`,
  source: 'pd',
  externalId: id,
  startedAt: t(startedAt),
  resolvedAt: resolvedAt ? t(resolvedAt) : null,
  causeDeploymentId: null,
  causeSha: null,
  ...extra,
});

const history = (
  deployments: DeploymentRecord[],
  incidents: IncidentRecord[] = [],
): EntityHistory => ({
  entityRef: 'component:default/shop',
  productionEnvironments: ['production', 'prod'],
  deployments,
  incidents,
  changes: new Map(),
});

const derive = (h: EntityHistory, incidentLinkWindowMs: number | null = null) =>
  deriveEntityFacts(h, { incidentLinkWindowMs, includeAutomated: false });
const options = { timeZone: 'UTC', bands: DEFAULT_BAND_THRESHOLDS };

describe('deriveEntityFacts', () => {
  it('counts only successful deployments to a production environment, in any case', () => {
    const facts = derive(
      history([
        deployment('a', '2026-03-02T10:00:00Z', { environment: 'PROD' }),
        deployment('b', '2026-03-02T11:00:00Z', { environment: 'staging' }),
        deployment('c', '2026-03-02T12:00:00Z', { status: 'failure' }),
        deployment('d', '2026-03-02T13:00:00Z', { status: 'cancelled' }),
      ]),
    );
    expect(facts.deployments.map(d => d.deploymentKey)).toEqual(['ci:a']);
  });

  it('links by explicit cause before time, and respects the link window', () => {
    const deployments = [
      deployment('a', '2026-03-02T10:00:00Z'),
      deployment('b', '2026-03-03T10:00:00Z'),
    ];
    const facts = derive(
      history(deployments, [
        incident('byId', '2026-03-04T10:00:00Z', null, {
          causeDeploymentId: 'a',
        }),
        incident('bySha', '2026-03-04T11:00:00Z', null, { causeSha: 'a' }),
        incident('byTime', '2026-03-04T12:00:00Z', null),
        incident('tooLate', '2026-03-06T12:00:00Z', null),
      ]),
      48 * HOUR,
    );
    expect(
      facts.incidents.map(i => [i.incidentKey, i.linkedDeployment, i.linkedBy]),
    ).toEqual([
      ['pd:byId', 'ci:a', 'cause'],
      ['pd:bySha', 'ci:a', 'cause'],
      ['pd:byTime', 'ci:b', 'time'],
      ['pd:tooLate', null, null],
    ]);
  });

  it('links an incident to no deployment when none finished before it started', () => {
    const facts = derive(
      history(
        [deployment('a', '2026-03-02T10:00:00Z')],
        [incident('x', '2026-03-02T10:00:00Z', null)],
      ),
    );
    expect(facts.incidents[0].linkedDeployment).toBeNull();
    const window = {
      from: t('2026-03-02T00:00:00Z'),
      to: t('2026-03-03T00:00:00Z'),
    };
    expect(
      computeDataQuality(poolOfEntityFacts(facts), window).unlinkedIncidents,
    ).toBe(1);
  });

  it('treats an unnamed rollback as reverting the deployment before it', () => {
    const facts = derive(
      history([
        deployment('a', '2026-03-02T10:00:00Z'),
        deployment('b', '2026-03-02T12:00:00Z', { kind: 'rollback' }),
      ]),
    );
    expect(
      facts.deployments.map(d => [d.deploymentKey, d.failed, d.unplanned]),
    ).toEqual([
      ['ci:a', true, false],
      ['ci:b', false, true],
    ]);
    expect(facts.recoveries).toEqual([
      expect.objectContaining({
        kind: 'rollback',
        hours: 2,
        deploymentKey: 'ci:a',
        recoveredBy: 'ci:b',
      }),
    ]);
  });

  it('counts a deployment as unplanned when it is a hotfix or an incident was open', () => {
    const facts = derive(
      history(
        [
          deployment('a', '2026-03-02T10:00:00Z'),
          deployment('b', '2026-03-02T12:00:00Z'),
          deployment('c', '2026-03-02T14:00:00Z', { kind: 'hotfix' }),
          deployment('d', '2026-03-02T16:00:00Z'),
        ],
        [incident('x', '2026-03-02T11:00:00Z', '2026-03-02T15:00:00Z')],
      ),
    );
    expect(facts.deployments.map(d => d.unplanned)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('reports open incidents as a count and never as a zero recovery time', () => {
    const facts = derive(
      history(
        [deployment('a', '2026-03-02T10:00:00Z')],
        [incident('x', '2026-03-03T10:00:00Z', null)],
      ),
    );
    const metrics = computeMetrics(
      poolOfEntityFacts(facts),
      { from: t('2026-03-02T00:00:00Z'), to: t('2026-03-09T00:00:00Z') },
      options,
    );
    expect(metrics.recoveryTime).toMatchObject({
      medianHours: null,
      samples: 0,
      openIncidents: 1,
      timeToRestoreMedianHours: null,
    });
    expect(metrics.changeFailureRate).toMatchObject({
      failed: 1,
      total: 1,
      rate: 1,
    });
  });

  it('reports pull request stages', () => {
    const pr = {
      number: 7,
      createdAt: t('2026-03-02T10:00:00Z'),
      firstReviewAt: t('2026-03-02T12:00:00Z'),
      mergedAt: t('2026-03-02T13:00:00Z'),
      firstCommitAt: null,
    };
    const changes = new Map([
      [
        'acme/shop',
        new Map([
          [
            'c1',
            {
              sha: 'c1',
              committedAt: t('2026-03-02T08:00:00Z'),
              authoredAt: t('2026-03-02T07:00:00Z'),
              firstParent: 'a',
              pullRequest: pr,
              automated: false,
            },
          ],
        ]),
      ],
    ]);
    const facts = deriveEntityFacts(
      {
        ...history([
          deployment('a', '2026-03-01T10:00:00Z'),
          deployment('b', '2026-03-02T17:00:00Z', { sha: 'c1', commits: null }),
        ]),
        changes,
      },
      { incidentLinkWindowMs: null, includeAutomated: false },
    );
    const metrics = computeMetrics(
      poolOfEntityFacts(facts),
      { from: t('2026-03-02T00:00:00Z'), to: t('2026-03-03T00:00:00Z') },
      options,
    );
    expect(metrics.leadTime.stages).toEqual({
      codingHours: 3,
      pickupHours: 2,
      reviewHours: 1,
      deployHours: 4,
    });
    expect(metrics.leadTime.medianHours).toBe(9);
  });

  it('flags a deployment whose history is unknown instead of guessing', () => {
    const facts = derive(
      history([
        deployment('a', '2026-03-01T10:00:00Z'),
        deployment('b', '2026-03-02T10:00:00Z', { commits: null }),
      ]),
    );
    expect(facts.deployments[1]).toMatchObject({
      commitsUnknown: true,
      leadTimes: [],
    });
  });

  describe('automated changes', () => {
    // Deployment b ships three commits: h1 by a person (4 h), r1 listed by
    // the deployment as a bot's (24 h), and r2, which the deployment lists
    // as a plain commit but the pushed change says is a bot's (30 h, in a
    // pull request merged 26 h before b finished).
    const botPr = {
      number: 9,
      createdAt: t('2026-03-01T05:00:00Z'),
      firstReviewAt: t('2026-03-01T06:00:00Z'),
      mergedAt: t('2026-03-01T08:00:00Z'),
      firstCommitAt: null,
    };
    const botHistory = (): EntityHistory => ({
      ...history([
        deployment('a', '2026-03-01T10:00:00Z'),
        deployment('b', '2026-03-02T10:00:00Z', {
          commits: [
            {
              sha: 'h1',
              committedAt: t('2026-03-02T06:00:00Z'),
              authoredAt: null,
              automated: false,
            },
            {
              sha: 'r1',
              committedAt: t('2026-03-01T10:00:00Z'),
              authoredAt: null,
              automated: true,
            },
            {
              sha: 'r2',
              committedAt: t('2026-03-01T04:00:00Z'),
              authoredAt: null,
              automated: false,
            },
          ],
        }),
      ]),
      changes: new Map([
        [
          'acme/shop',
          new Map([
            [
              'r2',
              {
                sha: 'r2',
                committedAt: t('2026-03-01T04:00:00Z'),
                authoredAt: null,
                firstParent: null,
                pullRequest: botPr,
                automated: true,
              },
            ],
          ]),
        ],
      ]),
    });
    const window = {
      from: t('2026-03-01T00:00:00Z'),
      to: t('2026-03-03T00:00:00Z'),
    };

    it('ships and counts them, but leaves them out of lead time and stages by default', () => {
      const facts = derive(botHistory());
      expect(facts.deployments[1]).toMatchObject({
        commits: [{ sha: 'h1' }, { sha: 'r1' }, { sha: 'r2' }],
        leadTimes: [4],
        automatedExcluded: 2,
        clockSkewed: 0,
        stages: { coding: [], pickup: [], review: [], deploy: [] },
      });
      const pool = poolOfEntityFacts(facts);
      const metrics = computeMetrics(pool, window, options);
      expect(metrics.deploymentFrequency.count).toBe(2);
      expect(metrics.leadTime.medianHours).toBe(4);
      expect(computeDataQuality(pool, window).automatedChangesExcluded).toBe(2);
    });

    it('samples them like any change with includeAutomated', () => {
      const facts = deriveEntityFacts(botHistory(), {
        incidentLinkWindowMs: null,
        includeAutomated: true,
      });
      expect(facts.deployments[1]).toMatchObject({
        leadTimes: [4, 24, 30],
        automatedExcluded: 0,
        stages: { deploy: [26] },
      });
      const pool = poolOfEntityFacts(facts);
      expect(computeMetrics(pool, window, options).leadTime.medianHours).toBe(
        24,
      );
      expect(computeDataQuality(pool, window).automatedChangesExcluded).toBe(0);
    });
  });
});

describe('computeMetrics', () => {
  it('answers null, not 0, for an empty window', () => {
    const metrics = computeMetrics(
      poolOfEntityFacts(derive(history([]))),
      { from: 0, to: 7 * 86_400_000 },
      options,
    );
    expect(metrics.deploymentFrequency).toMatchObject({
      count: 0,
      perDay: null,
      band: null,
    });
    expect(metrics.leadTime).toMatchObject({
      medianHours: null,
      p90Hours: null,
      samples: 0,
      band: null,
    });
    expect(metrics.changeFailureRate).toEqual({
      failed: 0,
      total: 0,
      rate: null,
      band: null,
    });
    expect(metrics.reworkRate).toEqual({ unplanned: 0, total: 0, rate: null });
  });

  it('counts weeks without deployments as 0 and uses months for the medium band', () => {
    const facts = derive(
      history([
        deployment('a', '2026-03-03T10:00:00Z'),
        deployment('b', '2026-04-07T10:00:00Z'),
      ]),
    );
    const metrics = computeMetrics(
      poolOfEntityFacts(facts),
      { from: t('2026-03-01T00:00:00Z'), to: t('2026-05-01T00:00:00Z') },
      options,
    );
    expect(metrics.deploymentFrequency).toMatchObject({
      count: 2,
      deploymentDays: 2,
      medianDeploymentDaysPerWeek: 0,
      medianDeploymentDaysPerMonth: 1,
      band: 'medium',
    });
  });

  it('cuts days in the configured time zone', () => {
    // 23:30 UTC on 1 March is already 2 March in Berlin.
    const facts = derive(
      history([
        deployment('a', '2026-03-01T23:30:00Z'),
        deployment('b', '2026-03-02T08:00:00Z'),
      ]),
    );
    const window = {
      from: t('2026-02-28T23:00:00Z'),
      to: t('2026-03-07T23:00:00Z'),
    };
    expect(
      computeMetrics(poolOfEntityFacts(facts), window, {
        ...options,
        timeZone: 'UTC',
      }).deploymentFrequency.deploymentDays,
    ).toBe(2);
    expect(
      computeMetrics(poolOfEntityFacts(facts), window, {
        ...options,
        timeZone: 'Europe/Berlin',
      }).deploymentFrequency.deploymentDays,
    ).toBe(1);
    expect(
      computeSeries(
        poolOfEntityFacts(facts),
        window,
        'day',
        'Europe/Berlin',
      ).map(p => (p.beforeHistory ? null : p.deployments)),
      // 1 March in Berlin ends before the history starts: no data, not 0.
    ).toEqual([null, 2, 0, 0, 0, 0, 0]);
  });
});

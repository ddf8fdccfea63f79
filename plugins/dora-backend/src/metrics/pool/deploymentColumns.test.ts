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
import { computeMetrics, computeSeries } from '../computeMetrics';
import {
  bytesOf,
  COMMITS_UNKNOWN,
  DeploymentColumnsBuilder,
  FAILED,
  firstAtOrAfter,
  PooledDeployment,
  SampleBuffer,
  samplesStart,
  UNPLANNED,
} from './deploymentColumns';
import { poolOfFacts } from './factPool';

const HOUR_MS = 3_600_000;

const deployment = (
  finishedAt: number,
  leadTimes: number[],
  more: Partial<PooledDeployment> = {},
): PooledDeployment => ({
  entityRef: 'component:default/a',
  deploymentKey: `ci:${finishedAt}`,
  finishedAt,
  failed: false,
  unplanned: false,
  commitsUnknown: false,
  clockSkewed: 0,
  automatedExcluded: 0,
  leadTimes,
  stages: { coding: [], pickup: [], review: [], deploy: leadTimes },
  ...more,
});

describe('DeploymentColumnsBuilder', () => {
  it('sorts deployments by finish time, their samples and flags with them', () => {
    const builder = new DeploymentColumnsBuilder('component:default/a');
    builder.add(deployment(30, [3, 33], { failed: true, clockSkewed: 2 }));
    builder.add(deployment(10, [], { commitsUnknown: true }));
    builder.add(deployment(20, [2], { unplanned: true }));
    const columns = builder.build();

    expect([...columns.finishedAt]).toEqual([10, 20, 30]);
    expect(columns.keys).toEqual(['ci:10', 'ci:20', 'ci:30']);
    expect([...columns.flags]).toEqual([COMMITS_UNKNOWN, UNPLANNED, FAILED]);
    expect([...columns.clockSkewed]).toEqual([0, 0, 2]);
    expect([...columns.leadTimes.ends]).toEqual([0, 1, 3]);
    expect([...columns.leadTimes.values]).toEqual([2, 3, 33]);
    expect([...columns.stages.deploy.values]).toEqual([2, 3, 33]);
    expect(samplesStart(columns.leadTimes, 2)).toBe(1);
    // 3 keys, 3 finish times, 3 flags, 3 counts, and 5 x 3 ends with 6 samples.
    expect(bytesOf(columns)).toBe(
      3 * 8 + 3 * 8 + 3 + 2 * 3 * 4 + 5 * 3 * 4 + 6 * 8,
    );
  });

  it('finds the first deployment at or after an instant', () => {
    const finishedAt = new Float64Array([10, 20, 20, 30]);
    expect(firstAtOrAfter(finishedAt, 5)).toBe(0);
    expect(firstAtOrAfter(finishedAt, 20)).toBe(1);
    expect(firstAtOrAfter(finishedAt, 21)).toBe(3);
    expect(firstAtOrAfter(finishedAt, 31)).toBe(4);
    expect(firstAtOrAfter(finishedAt, 20, 2, 4)).toBe(2);
  });
});

describe('SampleBuffer', () => {
  it('gathers the samples of runs end to end, growing past its size', () => {
    const builder = new DeploymentColumnsBuilder('component:default/a');
    builder.add(deployment(10, [1, 2]));
    builder.add(deployment(20, []));
    builder.add(deployment(30, [3]));
    builder.add(
      deployment(
        40,
        Array.from({ length: 1000 }, (_, i) => i),
      ),
    );
    const columns = builder.build();
    const buffer = new SampleBuffer();

    const some = buffer.gather(
      [
        { columns, lo: 1, hi: 3 },
        { columns, lo: 0, hi: 1 },
      ],
      c => c.leadTimes,
    );
    expect([...some]).toEqual([3, 1, 2]);
    const all = buffer.gather([{ columns, lo: 0, hi: 4 }], c => c.leadTimes);
    expect(all).toHaveLength(1003);
    expect([...all.subarray(0, 4)]).toEqual([1, 2, 3, 0]);
    expect(all[1002]).toBe(999);
  });
});

describe('metrics over columns', () => {
  // A deterministic spread of deployments over three entities and two weeks.
  const start = Date.parse('2026-03-02T00:00:00Z');
  const deployments = Array.from({ length: 300 }, (_, i) =>
    deployment(
      start + ((i * 7919) % 336) * HOUR_MS + i,
      Array.from({ length: i % 4 }, (__, k) => ((i * 31 + k * 17) % 97) / 4),
      {
        entityRef: `component:default/s${i % 3}`,
        failed: i % 5 === 0,
        unplanned: i % 7 === 0,
      },
    ),
  );
  const window = { from: start + 30 * HOUR_MS, to: start + 300 * HOUR_MS };
  const inWindow = deployments.filter(
    d => d.finishedAt >= window.from && d.finishedAt < window.to,
  );
  const sortedMedian = (values: number[]) => {
    const s = [...values].sort((a, b) => a - b);
    const rank = (s.length - 1) / 2;
    const low = s[Math.floor(rank)];
    return low + (s[Math.ceil(rank)] - low) * (rank - Math.floor(rank));
  };

  it('equals the same figures counted over the records one by one', () => {
    const metrics = computeMetrics(
      poolOfFacts({
        deployments,
        recoveries: [],
        incidents: [],
        historyStarts: new Map(),
      }),
      window,
      { timeZone: 'UTC', bands: DEFAULT_BAND_THRESHOLDS },
    );
    expect(metrics.changeFailureRate.total).toBe(inWindow.length);
    expect(metrics.changeFailureRate.failed).toBe(
      inWindow.filter(d => d.failed).length,
    );
    expect(metrics.reworkRate.unplanned).toBe(
      inWindow.filter(d => d.unplanned).length,
    );
    const leadTimes = inWindow.flatMap(d => d.leadTimes);
    expect(metrics.leadTime.samples).toBe(leadTimes.length);
    expect(metrics.leadTime.medianHours).toBe(sortedMedian(leadTimes));
    expect(metrics.leadTime.stages.deployHours).toBe(sortedMedian(leadTimes));
    expect(metrics.deploymentFrequency.deploymentDays).toBe(
      new Set(inWindow.map(d => Math.floor(d.finishedAt / (24 * HOUR_MS))))
        .size,
    );
  });

  it('puts each deployment in the series bucket holding it', () => {
    const series = computeSeries(
      poolOfFacts({
        deployments,
        recoveries: [],
        incidents: [],
        historyStarts: new Map(),
      }),
      window,
      'day',
      'UTC',
    );
    expect(series.reduce((sum, p) => sum + (p.deployments ?? 0), 0)).toBe(
      inWindow.length,
    );
    for (const point of series) {
      const dayStart = Date.parse(point.start);
      const ofDay = inWindow.filter(
        d => d.finishedAt >= dayStart && d.finishedAt < dayStart + 24 * HOUR_MS,
      );
      expect(point.deployments).toBe(ofDay.length);
      const leadTimes = ofDay.flatMap(d => d.leadTimes);
      expect(point.leadTimeMedianHours).toBe(
        leadTimes.length ? sortedMedian(leadTimes) : null,
      );
    }
  });
});

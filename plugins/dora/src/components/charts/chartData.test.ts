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
  bandThresholds,
  bucketLabel,
  toChartRows,
  visibleThresholds,
} from './chartData';
import { workedExampleDailySeries } from '../../__testUtils__/workedExample';

describe('chartData', () => {
  it('labels buckets in the report time zone', () => {
    // Monday 2 March in Berlin starts at 23:00 UTC on Sunday.
    expect(
      bucketLabel('2026-03-01T23:00:00.000Z', 'week', 'Europe/Berlin'),
    ).toBe('2 Mar');
    expect(bucketLabel('2026-03-01T00:00:00.000Z', 'month', 'UTC')).toBe(
      'Mar 2026',
    );
    expect(bucketLabel('2026-03-02T00:00:00.000Z', 'day', 'Not/AZone')).toBe(
      '2 Mar',
    );
  });

  it('plots rates in percent and keeps empty buckets as gaps', () => {
    const rows = toChartRows(workedExampleDailySeries, 'day', 'UTC');
    expect(rows[3].changeFailurePercent).toBe(50);
    expect(rows[2].changeFailurePercent).toBeNull();
    expect(rows[2].leadTimeMedianHours).toBeNull();
    expect(rows[2].deployments).toBe(0);
  });

  it('draws the thresholds within the data and the next one above', () => {
    const labels = (values: (number | null)[]) =>
      visibleThresholds(bandThresholds().leadTime, values).map(t => t.value);
    expect(labels([0.5, 14, null])).toEqual([24]);
    expect(labels([14, 30])).toEqual([24, 168]);
    expect(labels([1000])).toEqual([24, 168, 720]);
    expect(labels([null])).toEqual([24]);
  });
});

describe('bandThresholds', () => {
  it('draws the bands the server applied', () => {
    const custom = bandThresholds({
      ...DEFAULT_BAND_THRESHOLDS,
      leadTimeHours: { elite: 12, high: 48, medium: 240 },
    });
    expect(custom.leadTime.map(x => x.label)).toEqual([
      'elite < 12 h',
      'high < 2 d',
      'medium < 10 d',
    ]);
    expect(bandThresholds().failureRate.map(x => x.value)).toEqual([5, 10, 15]);
  });
});

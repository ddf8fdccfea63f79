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

import { Granularity } from '@dora-metrics/plugin-dora-common';
import { ChartRow, Threshold, describeExtent, latest } from './chartData';

/**
 * Text equivalents of the trend charts, read by screen readers in place of
 * the SVG: what is plotted, over which buckets, the latest figure and the
 * band thresholds drawn.
 */
export function describeTrend(options: {
  chart: string;
  rows: ChartRow[];
  granularity: Granularity;
  key: keyof ChartRow;
  format: (value: number) => string;
  thresholds?: Threshold[];
}): string {
  const { chart, rows, granularity, key, format, thresholds = [] } = options;
  const last = latest(rows, key);
  const lastText = last
    ? `latest ${format(Number(last.value))} (${last.row.label})`
    : 'no data in any bucket';
  const thresholdText = thresholds.length
    ? ` Dashed lines mark band thresholds: ${thresholds
        .map(t => t.label)
        .join(', ')}.`
    : '';
  return (
    `Line chart of ${chart} per ${granularity}, ` +
    `${describeExtent(rows, granularity)}; ${lastText}.${thresholdText}`
  );
}

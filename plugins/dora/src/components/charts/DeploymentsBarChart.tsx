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
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './ChartFrame';
import { ChartRow, describeExtent } from './chartData';
import { useChartPalette } from './useChartPalette';

/** Successful production deployments per bucket; zero is a real count here. */
export function DeploymentsBarChart(props: {
  rows: ChartRow[];
  granularity: Granularity;
}) {
  const { rows, granularity } = props;
  const palette = useChartPalette();
  const total = rows.reduce((sum, row) => sum + (row.deployments ?? 0), 0);
  const busiest = rows.reduce(
    (max, row) => Math.max(max, row.deployments ?? 0),
    0,
  );
  // Buckets before the history starts have no bar (no data), unlike a
  // measured zero after it; the text alternative says how many.
  const before = rows.filter(row => row.deployments === null).length;
  const beforeText =
    before === 0
      ? ''
      : ` No data in the first ${before} ${
          before === 1 ? granularity : `${granularity}s`
        }, before the first deployment was stored.`;
  const description =
    `Bar chart of successful production deployments per ${granularity}, ` +
    `${describeExtent(rows, granularity)}: ${total} in total, ` +
    `at most ${busiest} in one ${granularity}.${beforeText}`;
  return (
    <ChartFrame
      title={`Deployments per ${granularity}`}
      description={description}
      hasData={rows.some(row => row.deployments !== null)}
    >
      <BarChart data={rows} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          stroke={palette.axis}
          tick={{ fill: palette.axis, fontSize: 12 }}
        />
        <YAxis
          allowDecimals={false}
          stroke={palette.axis}
          tick={{ fill: palette.axis, fontSize: 12 }}
          width={40}
        />
        <Tooltip
          contentStyle={palette.tooltip}
          labelStyle={palette.tooltipLabel}
          cursor={{ fill: palette.cursor }}
        />
        <Bar
          dataKey="deployments"
          name="Deployments"
          fill={palette.primary}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFrame>
  );
}

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

import { ReactElement, ReactNode } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from './ChartFrame';
import { ChartRow, Threshold } from './chartData';
import { useChartPalette } from './useChartPalette';

/** A plotted field of the rows, its legend name and colour. */
export type LineSpec = {
  key: keyof ChartRow;
  name: string;
  colour: string;
};

/**
 * A trend of one or more figures per bucket with dashed band thresholds.
 * Empty buckets stay gaps (connectNulls off): drawing them as 0 would claim
 * a perfect figure where there was nothing to measure.
 */
export function TrendLineChart(props: {
  title: string;
  description: string;
  rows: ChartRow[];
  lines: LineSpec[];
  formatValue: (value: number) => string;
  thresholds?: Threshold[];
  /** Replaces the default tooltip (recharts clones it with the hovered bucket). */
  tooltip?: ReactElement;
  yDomain?: [number, number | 'auto'];
  note?: ReactNode;
}) {
  const palette = useChartPalette();
  const { rows, lines, formatValue, thresholds = [] } = props;
  const hasData = rows.some(row => lines.some(line => row[line.key] !== null));
  return (
    <ChartFrame
      title={props.title}
      description={props.description}
      note={props.note}
      hasData={hasData}
    >
      <LineChart
        data={rows}
        margin={{ top: 16, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          stroke={palette.axis}
          tick={{ fill: palette.axis, fontSize: 12 }}
        />
        <YAxis
          stroke={palette.axis}
          tick={{ fill: palette.axis, fontSize: 12 }}
          tickFormatter={(value: number) => formatValue(value)}
          domain={props.yDomain ?? [0, 'auto']}
          width={64}
        />
        <Tooltip
          contentStyle={palette.tooltip}
          labelStyle={palette.tooltipLabel}
          cursor={{ stroke: palette.axis }}
          formatter={value => formatValue(Number(value))}
          content={props.tooltip}
        />
        <Legend wrapperStyle={{ color: palette.axis, fontSize: 12 }} />
        {thresholds.map(threshold => (
          <ReferenceLine
            key={threshold.label}
            y={threshold.value}
            stroke={palette.threshold}
            strokeDasharray="6 4"
            ifOverflow="extendDomain"
            label={{
              value: threshold.label,
              position: 'insideTopRight',
              fill: palette.axis,
              fontSize: 11,
            }}
          />
        ))}
        {lines.map(line => (
          <Line
            key={line.key}
            type="monotone"
            dataKey={line.key}
            name={line.name}
            stroke={line.colour}
            strokeWidth={2}
            dot={{ r: 3, fill: line.colour }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}

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

import { EntityMetricsResponse } from '@dora-metrics/plugin-dora-common';
import Grid from '@material-ui/core/Grid';
import { useMemo } from 'react';
import { formatHours, formatRate } from '../shared';
import { DeploymentsBarChart } from './DeploymentsBarChart';
import { FailureRateTooltip } from './FailureRateTooltip';
import { TrendLineChart } from './TrendLineChart';
import {
  ChartRow,
  bandThresholds,
  toChartRows,
  visibleThresholds,
} from './chartData';
import { describeTrend } from './chartDescriptions';
import { ChartPalette, useChartPalette } from './useChartPalette';

const percentText = (value: number) => formatRate(value / 100);
const GAP_NOTE = 'A gap is a bucket with nothing to measure, not a zero.';

/** The row fields a trend line plots: figures that may be missing (gaps). */
type TrendKey = keyof Pick<
  ChartRow,
  | 'leadTimeMedianHours'
  | 'leadTimeP90Hours'
  | 'changeFailurePercent'
  | 'recoveryMedianHours'
  | 'reworkPercent'
>;

/** One line chart of the trends: what it plots, and how. */
type TrendChartDefinition = {
  title: string;
  /** What the text alternative calls the chart. */
  describes: string;
  /** The first line is the one whose latest figure the description reads. */
  lines: {
    key: TrendKey;
    name: string;
    colour: 'primary' | 'secondary' | 'failure' | 'recovery' | 'rework';
  }[];
  format: (value: number) => string;
  /** Which band thresholds are drawn; a metric without bands has none. */
  bands?: keyof ReturnType<typeof bandThresholds>;
  /** What the note under the chart says before the gap note. */
  note: string;
  /** Rates are plotted on a fixed 0–100 % axis. */
  percent?: boolean;
  /** Replaces the default tooltip. */
  tooltip?: (palette: ChartPalette) => JSX.Element;
};

const BANDS_NOTE = 'Dashed lines: band thresholds.';

const TREND_CHARTS: TrendChartDefinition[] = [
  {
    title: 'Lead time for changes',
    describes: 'lead time for changes, median and 90th percentile',
    lines: [
      { key: 'leadTimeMedianHours', name: 'Median', colour: 'primary' },
      { key: 'leadTimeP90Hours', name: '90th percentile', colour: 'secondary' },
    ],
    format: formatHours,
    bands: 'leadTime',
    note: BANDS_NOTE,
  },
  {
    title: 'Change failure rate',
    describes: 'change failure rate',
    lines: [
      {
        key: 'changeFailurePercent',
        name: 'Change failure rate',
        colour: 'failure',
      },
    ],
    format: percentText,
    bands: 'failureRate',
    note: BANDS_NOTE,
    percent: true,
    tooltip: palette => <FailureRateTooltip style={palette.tooltip} />,
  },
  {
    title: 'Failed deployment recovery time',
    describes: 'median failed deployment recovery time',
    lines: [
      {
        key: 'recoveryMedianHours',
        name: 'Median recovery time',
        colour: 'recovery',
      },
    ],
    format: formatHours,
    bands: 'recovery',
    note: BANDS_NOTE,
  },
  {
    title: 'Deployment rework rate',
    describes: 'deployment rework rate (unplanned deployments)',
    lines: [{ key: 'reworkPercent', name: 'Rework rate', colour: 'rework' }],
    format: percentText,
    note: 'Rework rate has no published bands.',
    percent: true,
  },
];

/** The five trend charts of a metrics report, from its `series`. */
export function TrendCharts(props: {
  report: Pick<
    EntityMetricsResponse,
    'series' | 'granularity' | 'timeZone' | 'bands'
  >;
}) {
  const { series, granularity, timeZone, bands } = props.report;
  const thresholds = useMemo(() => bandThresholds(bands), [bands]);
  const palette = useChartPalette();
  const rows = useMemo(
    () => toChartRows(series, granularity, timeZone),
    [series, granularity, timeZone],
  );

  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <DeploymentsBarChart rows={rows} granularity={granularity} />
      </Grid>
      {TREND_CHARTS.map(chart => {
        // Only the thresholds near the plotted figures, so that the axis
        // is not stretched to a band far above them.
        const shown = chart.bands
          ? visibleThresholds(
              thresholds[chart.bands],
              rows.flatMap(row => chart.lines.map(line => row[line.key])),
            )
          : undefined;
        return (
          <Grid item xs={12} md={6} key={chart.title}>
            <TrendLineChart
              title={chart.title}
              description={describeTrend({
                chart: chart.describes,
                rows,
                granularity,
                key: chart.lines[0].key,
                format: chart.format,
                thresholds: shown,
              })}
              rows={rows}
              lines={chart.lines.map(line => ({
                key: line.key,
                name: line.name,
                colour: palette[line.colour],
              }))}
              formatValue={chart.format}
              thresholds={shown}
              yDomain={chart.percent ? [0, 100] : undefined}
              tooltip={chart.tooltip?.(palette)}
              note={`${chart.note} ${GAP_NOTE}`}
            />
          </Grid>
        );
      })}
    </Grid>
  );
}

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

import { TemplateReportRow } from '@dora-metrics/plugin-dora-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Theme, useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatHours, formatRate } from '../shared';
import { templateLabel } from './templateLabel';

type ChartPoint = { name: string; value: number | null };

/**
 * The metrics compared across templates. Deployment frequency is left out on
 * purpose: a pooled count grows with the number of services, so a template
 * with more services would look better for no reason of its own.
 */
const COMPARED: {
  title: string;
  value: (row: TemplateReportRow) => number | null;
  format: (value: number | null) => string;
  colour: (theme: Theme) => string;
}[] = [
  {
    title: 'Median lead time',
    value: row => row.metrics.leadTime.medianHours,
    format: formatHours,
    colour: theme => theme.palette.primary.main,
  },
  {
    title: 'Change failure rate',
    value: row => row.metrics.changeFailureRate.rate,
    format: formatRate,
    colour: theme => theme.palette.error.main,
  },
  {
    title: 'Median recovery time',
    value: row => row.metrics.recoveryTime.medianHours,
    format: formatHours,
    colour: theme => theme.palette.warning.main,
  },
];

/** The chart's content as text, for screen readers (the bars are an image). */
export function describeComparison(rows: TemplateReportRow[]): string {
  const figures = rows.map(row => {
    const values = COMPARED.map(metric => {
      const value = metric.value(row);
      return `${metric.title.toLocaleLowerCase('en-US')} ${
        value === null ? 'no data' : metric.format(value)
      }`;
    });
    return `${templateLabel(row)}: ${values.join(', ')}`;
  });
  return `Templates compared by ${COMPARED.map(m =>
    m.title.toLocaleLowerCase('en-US'),
  ).join(', ')}. ${figures.join('; ')}.`;
}

function SmallMultiple(props: {
  title: string;
  data: ChartPoint[];
  format: (value: number | null) => string;
  colour: string;
}) {
  const theme = useTheme();
  const axisColour = theme.palette.text.secondary;
  // One bar per template: the height grows with the rows so labels stay legible.
  const height = Math.max(140, props.data.length * 32 + 48);
  return (
    <Box>
      <Typography variant="subtitle2" color="textSecondary" aria-hidden>
        {props.title}
      </Typography>
      {props.data.every(point => point.value === null) ? (
        <Box height={height} display="flex" alignItems="center">
          <Typography color="textSecondary">No data</Typography>
        </Box>
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={props.data} layout="vertical" margin={{ right: 16 }}>
            <CartesianGrid stroke={theme.palette.divider} horizontal={false} />
            <XAxis
              type="number"
              stroke={axisColour}
              tick={{ fill: axisColour, fontSize: 12 }}
              tickFormatter={(v: number) => props.format(v)}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={130}
              stroke={axisColour}
              tick={{ fill: axisColour, fontSize: 12 }}
            />
            <Tooltip
              formatter={(v: number) => [props.format(v), props.title]}
              cursor={{ fill: theme.palette.action.hover }}
              contentStyle={{
                backgroundColor: theme.palette.background.paper,
                borderColor: theme.palette.divider,
                color: theme.palette.text.primary,
              }}
              itemStyle={{ color: theme.palette.text.primary }}
              labelStyle={{ color: theme.palette.text.primary }}
            />
            <Bar
              dataKey="value"
              name={props.title}
              fill={props.colour}
              isAnimationActive={false}
            >
              {/* The figure beside each bar: a 0 % failure rate draws no
                  bar at all and must not read as a missing one. */}
              <LabelList
                dataKey="value"
                position="right"
                fill={axisColour}
                fontSize={12}
                formatter={(v: number) => props.format(v)}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </Box>
  );
}

/**
 * Templates side by side, one small chart per metric so that each keeps its
 * own unit. A template with no figure has neither bar nor label (a 0 has a
 * label); the text alternative says "no data" for it.
 */
export function TemplateComparisonChart(props: { rows: TemplateReportRow[] }) {
  const theme = useTheme();
  const { rows } = props;
  return (
    <Box role="img" aria-label={describeComparison(rows)}>
      <Grid container spacing={2}>
        {COMPARED.map(metric => (
          <Grid item xs={12} md={4} key={metric.title}>
            <SmallMultiple
              title={metric.title}
              format={metric.format}
              colour={metric.colour(theme)}
              data={rows.map(row => ({
                name: templateLabel(row),
                value: metric.value(row),
              }))}
            />
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}

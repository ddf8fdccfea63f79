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

import { DoraMetrics } from '@dora-metrics/plugin-dora-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { BandChip } from './BandChip';
import { Delta } from './Delta';
import { METRICS, MetricDefinition, MetricPeriod } from './metricDefinitions';

/**
 * One metric: figure, band, delta and sample detail. A measured zero shows
 * as 0 with its band; "No data" only where the API has nothing to measure.
 */
export function MetricTile(props: {
  metric: MetricDefinition;
  current: DoraMetrics;
  previous?: DoraMetrics;
  /** The window of `current`, for details that name a day. */
  period?: MetricPeriod;
}) {
  const { metric, current, previous, period } = props;
  const value = metric.value(current);
  return (
    <Paper variant="outlined" style={{ height: '100%' }}>
      <Box p={2} data-testid={`dora-metric-${metric.id}`}>
        <Tooltip title={metric.description}>
          <Typography variant="subtitle2" color="textSecondary">
            {metric.title}
          </Typography>
        </Tooltip>
        <Box display="flex" alignItems="center" my={1} style={{ gap: 8 }}>
          <Typography
            variant="h5"
            component="span"
            data-testid="dora-metric-value"
          >
            {value === null ? 'No data' : metric.format(value)}
          </Typography>
          {value !== null && metric.id !== 'reworkRate' && (
            <BandChip band={metric.band(current)} />
          )}
        </Box>
        {previous && (
          <Delta
            metric={metric}
            current={value}
            previous={metric.value(previous)}
          />
        )}
        <Typography variant="body2" color="textSecondary">
          {metric.detail(current, period)}
        </Typography>
      </Box>
    </Paper>
  );
}

/** The five metrics side by side. */
export function MetricsSummary(props: {
  metrics: DoraMetrics;
  previous?: DoraMetrics;
  /** The window of `metrics` (a report is one). */
  period?: MetricPeriod;
  compact?: boolean;
}) {
  return (
    <Grid container spacing={2}>
      {METRICS.map(metric => (
        <Grid
          item
          key={metric.id}
          xs={12}
          sm={6}
          md={props.compact ? 6 : 4}
          lg={props.compact ? 4 : undefined}
        >
          <MetricTile
            metric={metric}
            current={props.metrics}
            previous={props.previous}
            period={props.period}
          />
        </Grid>
      ))}
    </Grid>
  );
}

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

import { TableColumn } from '@backstage/core-components';
import { DoraMetrics } from '@dora-metrics/plugin-dora-common';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { BandChip } from './BandChip';
import { METRICS, MetricDefinition } from './metricDefinitions';

/** Any table row that carries the five metrics (a service, a template). */
export type RowWithMetrics = { metrics: DoraMetrics };

/**
 * Orders numbers with empty figures last in both directions: a service with
 * no deployments is not "the best" or "the worst", it has no figure.
 * material-table passes the direction as a fourth argument (and swaps the
 * rows for a descending sort), which is why it is read here.
 */
export function compareNullsLast(
  a: number | null,
  b: number | null,
  direction?: string,
): number {
  if (a === null && b === null) return 0;
  const last = direction === 'desc' ? -1 : 1;
  if (a === null) return last;
  if (b === null) return -last;
  return a - b;
}

/**
 * One metric's figure and band. A measured zero is 0 with its band; "No
 * data" is for what the API cannot measure (`null`), never shown as 0.
 */
export function MetricCell(props: {
  metric: MetricDefinition;
  metrics: DoraMetrics;
}) {
  const { metric, metrics } = props;
  const value = metric.value(metrics);
  // Rework rate has no published bands, so it never gets a chip.
  const hasBands = metric.id !== 'reworkRate';
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 4 }}>
      <Typography
        variant="body2"
        component="span"
        color={value === null ? 'textSecondary' : 'textPrimary'}
      >
        {value === null ? 'No data' : metric.format(value)}
      </Typography>
      {hasBands && value !== null && <BandChip band={metric.band(metrics)} />}
    </Box>
  );
}

/**
 * One sortable column per DORA metric, for any row with `metrics`: used by
 * the team's service table, the template report and its drill-down.
 */
export function metricColumns<T extends RowWithMetrics>(): TableColumn<T>[] {
  return METRICS.map(metric => ({
    title: (
      <Tooltip title={metric.description}>
        <span>{metric.title}</span>
      </Tooltip>
    ),
    searchable: false,
    // Typed with three arguments upstream; the fourth is passed at runtime.
    customSort: ((a: T, b: T, _type: string, direction?: string) =>
      compareNullsLast(
        metric.value(a.metrics),
        metric.value(b.metrics),
        direction,
      )) as TableColumn<T>['customSort'],
    render: (row: T) => <MetricCell metric={metric} metrics={row.metrics} />,
  }));
}

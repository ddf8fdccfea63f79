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

import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  EntityMetricsResponse,
  Granularity,
} from '@dora-metrics/plugin-dora-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useState } from 'react';
import { useEntityMetrics } from '../../hooks';
import { isNotFound } from '../../lib/isNotFound';
import { TrendCharts } from '../charts';
import {
  DataQualityPanel,
  formatWindow,
  MetricsLoadState,
  MetricsSummary,
  TimeRangePicker,
  useTimeRange,
} from '../shared';
import { DeploymentsTable } from './DeploymentsTable';
import { ExportButtons } from './ExportButtons';
import { GranularityPicker } from './GranularityPicker';
import { IncidentsTable } from './IncidentsTable';
import { LeadTimeStages } from './LeadTimeStages';
import { metricsToCsv, toJson } from './exportData';

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Grid item xs={12} component="section" aria-label={props.title}>
      <Typography variant="h5" component="h2" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Grid>
  );
}

/** The figures of a loaded report: summary, trends, lead-time stages. */
function MetricsSections(props: { report: EntityMetricsResponse }) {
  const { report } = props;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <MetricsSummary
          metrics={report}
          previous={report.previous}
          period={report}
        />
      </Grid>
      <Section title="Trends">
        <TrendCharts report={report} />
      </Section>
      <Grid item xs={12}>
        <LeadTimeStages stages={report.leadTime.stages} />
      </Grid>
    </Grid>
  );
}

/**
 * The entity's DORA tab: the figures with their previous period, trends per
 * day, week or month, the deployments and incidents behind them, exports,
 * and what keeps the figures from being complete.
 */
export function EntityDoraContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { range, setRange, query } = useTimeRange();
  const [granularity, setGranularity] = useState<Granularity>('week');
  const state = useEntityMetrics({ entityRef, ...query, granularity });
  const report = state.value;
  const unknownEntity = isNotFound(state.error);
  const windowDays = `${query.from.slice(0, 10)}-${query.to.slice(0, 10)}`;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="center"
          style={{ gap: 16 }}
        >
          <TimeRangePicker value={range} onChange={setRange} />
          <GranularityPicker value={granularity} onChange={setGranularity} />
          {report && (
            <>
              <Typography variant="body2" color="textSecondary">
                {`${formatWindow(report.window, report.timeZone)} (${
                  report.timeZone
                }), compared with ${formatWindow(
                  report.previous.window,
                  report.timeZone,
                )}`}
              </Typography>
              <ExportButtons
                what="metrics and trend"
                filename={`dora-${entityRef}-${windowDays}-metrics`}
                csv={() => metricsToCsv(report)}
                json={() => toJson(report)}
              />
            </>
          )}
        </Box>
      </Grid>
      <Grid item xs={12}>
        <MetricsLoadState state={state} entity={entity}>
          {loaded => <MetricsSections report={loaded} />}
        </MetricsLoadState>
      </Grid>
      {/* Listed even when nothing counts: uncounted deployments (staging, a
          misnamed environment) are often the reason the figures are empty. */}
      {!unknownEntity && (
        <Section title="Events behind the numbers">
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <DeploymentsTable entityRef={entityRef} {...query} />
            </Grid>
            <Grid item xs={12}>
              <IncidentsTable entityRef={entityRef} {...query} />
            </Grid>
          </Grid>
        </Section>
      )}
      <Grid item xs={12}>
        <DataQualityPanel
          entityRef={entityRef}
          dataQuality={report?.dataQuality}
        />
      </Grid>
    </Grid>
  );
}

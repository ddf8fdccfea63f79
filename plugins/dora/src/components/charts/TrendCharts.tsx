import { EntityMetricsResponse } from '@dora-metrics/plugin-dora-common';
import Grid from '@material-ui/core/Grid';
import { useMemo } from 'react';
import { formatHours, formatRate } from '../shared';
import { DeploymentsBarChart } from './DeploymentsBarChart';
import { FailureRateTooltip } from './FailureRateTooltip';
import { TrendLineChart } from './TrendLineChart';
import { bandThresholds, toChartRows, visibleThresholds } from './chartData';
import { describeTrend } from './chartDescriptions';
import { useChartPalette } from './useChartPalette';

const percentText = (value: number) => formatRate(value / 100);
const GAP_NOTE = 'A gap is a bucket with nothing to measure, not a zero.';

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
  const leadThresholds = visibleThresholds(
    thresholds.leadTime,
    rows.flatMap(r => [r.leadTimeMedianHours, r.leadTimeP90Hours]),
  );
  const failureThresholds = visibleThresholds(
    thresholds.failureRate,
    rows.map(r => r.changeFailurePercent),
  );
  const recoveryThresholds = visibleThresholds(
    thresholds.recovery,
    rows.map(r => r.recoveryMedianHours),
  );
  const thresholdNote = `Dashed lines: band thresholds. ${GAP_NOTE}`;

  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <DeploymentsBarChart rows={rows} granularity={granularity} />
      </Grid>
      <Grid item xs={12} md={6}>
        <TrendLineChart
          title="Lead time for changes"
          description={describeTrend({
            chart: 'lead time for changes, median and 90th percentile',
            rows,
            granularity,
            key: 'leadTimeMedianHours',
            format: formatHours,
            thresholds: leadThresholds,
          })}
          rows={rows}
          lines={[
            {
              key: 'leadTimeMedianHours',
              name: 'Median',
              colour: palette.primary,
            },
            {
              key: 'leadTimeP90Hours',
              name: '90th percentile',
              colour: palette.secondary,
            },
          ]}
          formatValue={formatHours}
          thresholds={leadThresholds}
          note={thresholdNote}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <TrendLineChart
          title="Change failure rate"
          description={describeTrend({
            chart: 'change failure rate',
            rows,
            granularity,
            key: 'changeFailurePercent',
            format: percentText,
            thresholds: failureThresholds,
          })}
          rows={rows}
          lines={[
            {
              key: 'changeFailurePercent',
              name: 'Change failure rate',
              colour: palette.failure,
            },
          ]}
          formatValue={percentText}
          thresholds={failureThresholds}
          yDomain={[0, 100]}
          tooltip={<FailureRateTooltip style={palette.tooltip} />}
          note={thresholdNote}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <TrendLineChart
          title="Failed deployment recovery time"
          description={describeTrend({
            chart: 'median failed deployment recovery time',
            rows,
            granularity,
            key: 'recoveryMedianHours',
            format: formatHours,
            thresholds: recoveryThresholds,
          })}
          rows={rows}
          lines={[
            {
              key: 'recoveryMedianHours',
              name: 'Median recovery time',
              colour: palette.recovery,
            },
          ]}
          formatValue={formatHours}
          thresholds={recoveryThresholds}
          note={thresholdNote}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <TrendLineChart
          title="Deployment rework rate"
          description={describeTrend({
            chart: 'deployment rework rate (unplanned deployments)',
            rows,
            granularity,
            key: 'reworkPercent',
            format: percentText,
          })}
          rows={rows}
          lines={[
            {
              key: 'reworkPercent',
              name: 'Rework rate',
              colour: palette.rework,
            },
          ]}
          formatValue={percentText}
          yDomain={[0, 100]}
          note={`Rework rate has no published bands. ${GAP_NOTE}`}
        />
      </Grid>
    </Grid>
  );
}

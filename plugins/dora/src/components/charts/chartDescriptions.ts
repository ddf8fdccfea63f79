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

export { BandChip, BAND_COLOURS } from './BandChip';
export { Delta } from './Delta';
export { formatHours, formatNumber, formatRate } from './format';
export { formatWindow } from './formatWindow';
export { METRICS } from './metricDefinitions';
export type { MetricDefinition } from './metricDefinitions';
export { MetricsSummary, MetricTile } from './MetricsSummary';
export { rangeQuery, TimeRangePicker, useTimeRange } from './TimeRangePicker';
export type { TimeRange } from './TimeRangePicker';

export { TrendCharts } from './TrendCharts';
export { DeploymentsBarChart } from './DeploymentsBarChart';
export { TrendLineChart } from './TrendLineChart';
export type { LineSpec } from './TrendLineChart';
export { FailureRateTooltip } from './FailureRateTooltip';
export { toChartRows, bucketLabel, visibleThresholds } from './chartData';
export type { ChartRow, Threshold } from './chartData';

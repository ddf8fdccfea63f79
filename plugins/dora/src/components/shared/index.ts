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

export { BandChip, BAND_COLOURS } from './BandChip';
export { DataQualityPanel, WindowDataQuality } from './DataQualityPanel';
export { Delta } from './Delta';
export { entityDisplayName, EntityMetricsTable } from './EntityMetricsTable';
export { formatHours, formatNumber, formatRate } from './format';
export { formatWindow } from './formatWindow';
export { metricColumns } from './metricColumns';
export { METRICS } from './metricDefinitions';
export type { MetricDefinition } from './metricDefinitions';
export { MetricsLoadState } from './MetricsLoadState';
export { MetricsSummary, MetricTile } from './MetricsSummary';
export { hiddenServicesNote, servicesCount } from './serviceCounts';
export { rangeQuery, TimeRangePicker, useTimeRange } from './TimeRangePicker';
export type { TimeRange } from './TimeRangePicker';

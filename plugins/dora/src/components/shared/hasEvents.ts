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

import {
  DoraMetrics,
  EntityMetricsResponse,
} from '@dora-metrics/plugin-dora-common';

function anyEvents(m: DoraMetrics): boolean {
  return (
    m.deploymentFrequency.count > 0 ||
    m.changeFailureRate.total > 0 ||
    m.leadTime.samples > 0 ||
    m.recoveryTime.samples > 0 ||
    m.recoveryTime.timeToRestoreSamples > 0 ||
    m.recoveryTime.openIncidents > 0
  );
}

/**
 * Whether any deployment of the entity is stored (its history has started),
 * or anything is counted in this window or the one before. If not, nothing
 * is wired yet: an empty state explains how events arrive instead of five
 * tiles of "No data". A service that deploys, but not in this window, shows
 * its measured zero.
 */
export function hasEvents(report: EntityMetricsResponse): boolean {
  return (
    Boolean(report.deploymentFrequency.historyStartsAt) ||
    anyEvents(report) ||
    anyEvents(report.previous)
  );
}

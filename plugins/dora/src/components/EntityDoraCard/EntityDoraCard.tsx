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
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  formatWindow,
  MetricsLoadState,
  MetricsSummary,
  TimeRangePicker,
  useTimeRange,
} from '../shared';
import { useEntityMetrics } from '../../hooks';

/**
 * Relative to the entity page's route, so it works under any catalog path;
 * the tab is mounted at `/dora` (EntityLayout route / EntityContentBlueprint).
 */
const DORA_TAB_LINK = 'dora';

/**
 * Overview card: the entity's five DORA metrics with bands and the change
 * against the previous period of the same length.
 */
export function EntityDoraCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { range, setRange, query } = useTimeRange();
  const state = useEntityMetrics({ entityRef, ...query });

  return (
    <InfoCard
      title="DORA metrics"
      subheader={
        state.value
          ? formatWindow(state.value.window, state.value.timeZone)
          : undefined
      }
      action={<TimeRangePicker value={range} onChange={setRange} />}
      deepLink={{ title: 'View DORA details', link: DORA_TAB_LINK }}
    >
      <MetricsLoadState state={state} entity={entity}>
        {report => (
          <MetricsSummary
            metrics={report}
            previous={report.previous}
            period={report}
            compact
          />
        )}
      </MetricsLoadState>
    </InfoCard>
  );
}

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
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  formatWindow,
  hiddenServicesNote,
  MetricsSummary,
  servicesCount,
  useTimeRange,
} from '../shared';
import { useTeamMetrics } from '../../hooks';

/** Relative to the group page, so it works wherever the catalog is mounted. */
const GROUP_DORA_TAB = 'dora';

/**
 * The group overview card: the team's pooled metrics over the last 90 days,
 * current ownership with sub-groups (the tab has the other views).
 */
export function GroupDoraCard() {
  const { entity } = useEntity();
  const { query } = useTimeRange();
  const { value, loading, error } = useTeamMetrics(
    stringifyEntityRef(entity),
    query,
  );

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (loading || !value) {
    body = <Progress />;
  } else if (value.entityCount === 0) {
    body = (
      <Typography color="textSecondary">
        {value.hiddenEntityCount > 0
          ? hiddenServicesNote(value.hiddenEntityCount)
          : 'This team owns no service that DORA events are recorded for.'}
      </Typography>
    );
  } else {
    body = (
      <>
        <Typography variant="body2" color="textSecondary" paragraph>
          Pooled over {servicesCount(value.entityCount)} ·{' '}
          {formatWindow(value.window, value.timeZone)}
        </Typography>
        {value.hiddenEntityCount > 0 && (
          <Alert severity="info" style={{ marginBottom: 16 }}>
            {hiddenServicesNote(value.hiddenEntityCount)}
          </Alert>
        )}
        <MetricsSummary metrics={value} period={value} compact />
      </>
    );
  }

  return (
    <InfoCard
      title="DORA metrics"
      subheader="The team's services, last 90 days"
      deepLink={{ title: 'Team DORA details', link: GROUP_DORA_TAB }}
    >
      {body}
    </InfoCard>
  );
}

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
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TeamMetricsResponse } from '@dora-metrics/plugin-dora-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import {
  EntityMetricsTable,
  formatWindow,
  hiddenServicesNote,
  MetricsSummary,
  servicesCount,
  useTimeRange,
  WindowDataQuality,
} from '../shared';
import { formatPerDay } from './formatPerDay';
import { TeamScopeControls } from './TeamScopeControls';
import { DEFAULT_TEAM_SCOPE, TeamScope, useTeamMetrics } from '../../hooks';

/**
 * The pooled figures: one median over all the team's commits, deployments and
 * incidents (not a median of medians), with the previous period for trend.
 */
function PooledMetrics(props: { team: TeamMetricsResponse }) {
  const { team } = props;
  return (
    <InfoCard
      title="Team delivery"
      subheader={`Pooled over ${servicesCount(
        team.entityCount,
      )} · ${formatWindow(team.window, team.timeZone)}`}
    >
      <MetricsSummary metrics={team} previous={team.previous} period={team} />
      {/* A pool of many services deploys more often than any one of them,
          so the typical service's pace is shown beside the pooled figure. */}
      <Box mt={2} data-testid="dora-per-entity-frequency">
        <Typography variant="h6" component="span">
          {formatPerDay(team.perEntityDeploymentFrequency)}
        </Typography>{' '}
        <Typography variant="body2" component="span" color="textSecondary">
          median deployments per day per service
        </Typography>
      </Box>
    </InfoCard>
  );
}

function TeamMetricsBody(props: { team: TeamMetricsResponse }) {
  const { team } = props;
  const hidden = team.hiddenEntityCount;
  return (
    <Grid container spacing={3}>
      {hidden > 0 && (
        <Grid item xs={12}>
          <Alert severity="info">{hiddenServicesNote(hidden)}</Alert>
        </Grid>
      )}
      {team.entityCount === 0 ? (
        <Grid item xs={12}>
          <EmptyState
            missing="data"
            title="No services to show"
            description={
              team.ownership === 'at-event'
                ? 'No service had events while this team owned it in this time range.'
                : 'This team owns no service that DORA events are recorded for.'
            }
          />
        </Grid>
      ) : (
        <>
          <Grid item xs={12}>
            <PooledMetrics team={team} />
          </Grid>
          <Grid item xs={12}>
            <EntityMetricsTable
              title={`Services (${team.entityCount})`}
              entities={team.entities}
            />
          </Grid>
          <Grid item xs={12}>
            <WindowDataQuality
              dataQuality={team.dataQuality}
              subheader="Why a pooled figure may be missing, zero or doubtful"
            />
          </Grid>
        </>
      )}
    </Grid>
  );
}

/**
 * A group's DORA tab: how the team's services deliver, pooled, and service by
 * service. Figures are for systems only; there is deliberately nothing per
 * person and no comparison with other teams.
 */
export function GroupDoraContent() {
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);
  const { range, setRange, query } = useTimeRange();
  const [scope, setScope] = useState<TeamScope>(DEFAULT_TEAM_SCOPE);
  const { value, loading, error } = useTeamMetrics(groupRef, query, scope);

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value) {
    body = <Progress />;
  } else {
    body = <TeamMetricsBody team={value} />;
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <TeamScopeControls
          range={range}
          onRangeChange={setRange}
          scope={scope}
          onScopeChange={setScope}
        />
      </Grid>
      <Grid item xs={12}>
        {/* Keep the previous figures on screen while a new scope loads, so
            the page does not jump; the bar says they are being replaced. */}
        {loading && value && <LinearProgress aria-label="Loading" />}
        {body}
      </Grid>
    </Grid>
  );
}

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
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TemplateMetricsResponse } from '@dora-metrics/plugin-dora-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  entityDisplayName,
  formatWindow,
  hiddenServicesNote,
  MetricsSummary,
  servicesCount,
  useTimeRange,
} from '../shared';
import { isNotFound } from '../../lib/isNotFound';
import { useEntityDoraPath, useTemplateMetrics } from '../../hooks';

/** A card is small: name a few services, count the rest. */
const SERVICES_LISTED = 5;

function ServicesMade(props: { template: TemplateMetricsResponse }) {
  const doraPath = useEntityDoraPath();
  const { entities, hiddenEntityCount } = props.template;
  const listed = entities.slice(0, SERVICES_LISTED);
  const more = entities.length - listed.length;
  return (
    <Box mb={2}>
      <Typography variant="body2" color="textSecondary">
        {servicesCount(props.template.entityCount)} made from this template ·{' '}
        {formatWindow(props.template.window)}
      </Typography>
      <Typography variant="body2" component="div">
        {listed.map((entity, i) => (
          <span key={entity.entityRef}>
            {i > 0 && ', '}
            <Link to={doraPath(entity.entityRef)}>
              {entityDisplayName(entity)}
            </Link>
          </span>
        ))}
        {more > 0 && ` and ${more} more`}
      </Typography>
      {hiddenEntityCount > 0 && (
        <Typography variant="caption" color="textSecondary">
          {hiddenServicesNote(hiddenEntityCount)}
        </Typography>
      )}
    </Box>
  );
}

/**
 * A card on a Template's page: how the services made from it deliver, pooled
 * over the last 90 days.
 */
export function EntityDoraTemplateCard() {
  const { entity } = useEntity();
  const { query } = useTimeRange();
  const { value, loading, error } = useTemplateMetrics(
    stringifyEntityRef(entity),
    query,
  );

  let body;
  if (error && isNotFound(error)) {
    // The backend answers 404 when no catalog entity names this template as
    // its source: a new template, not a broken one.
    body = (
      <EmptyState
        missing="data"
        title="No service made from this template yet"
        description="Services created with this template will be measured here once they deploy."
      />
    );
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (loading || !value) {
    body = <Progress />;
  } else {
    body = (
      <>
        <ServicesMade template={value} />
        <MetricsSummary
          metrics={value.metrics}
          period={{ window: value.window }}
          compact
        />
      </>
    );
  }

  return (
    <InfoCard
      title="DORA metrics of services made from this template"
      subheader="Pooled over the services, last 90 days"
    >
      {body}
    </InfoCard>
  );
}

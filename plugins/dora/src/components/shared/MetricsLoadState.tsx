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

import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntityMetricsResponse } from '@dora-metrics/plugin-dora-common';
import { ReactNode } from 'react';
import {
  hasMatchAnnotation,
  MissingAnnotationsHint,
  missingAnnotationNames,
} from './DataQualityPanel';
import { isNotFound } from '../../lib/isNotFound';
import { hasEvents } from './hasEvents';

/** The part of react-use's async state this component reads. */
export type MetricsState = {
  loading: boolean;
  error?: Error;
  value?: EntityMetricsResponse;
};

/** Explains an entity with no events, with the annotations it lacks. */
function NoEventsState(props: { entity: Entity }) {
  const entityRef = stringifyEntityRef(props.entity);
  const annotations = props.entity.metadata.annotations;
  const missing = missingAnnotationNames(annotations);
  const noneAtAll = !hasMatchAnnotation(annotations);
  return (
    <EmptyState
      missing="data"
      title="No DORA events for this entity yet"
      description={
        'No production deployment or incident was recorded for this entity in ' +
        'the selected window or the one before. Deployments arrive from CI ' +
        '(POST /api/dora/v1/deployments) and webhooks, incidents from PagerDuty; ' +
        'they are matched to the entity by its annotations or by entityRef.'
      }
      action={
        missing.length > 0 ? (
          <MissingAnnotationsHint
            entityRef={entityRef}
            missing={missing}
            noneAtAll={noneAtAll}
          />
        ) : undefined
      }
    />
  );
}

/**
 * Loading, error, "unknown entity", "no events" or the figures: the states a
 * metrics request can end in, shared by the card and the tab.
 */
export function MetricsLoadState(props: {
  state: MetricsState;
  entity: Entity;
  children: (report: EntityMetricsResponse) => ReactNode;
}) {
  const { state, entity } = props;
  if (state.loading) return <Progress />;
  if (state.error) {
    if (isNotFound(state.error)) {
      return (
        <EmptyState
          missing="info"
          title="No DORA metrics for this entity"
          description={`The DORA backend does not know this entity, or you may not read it (${state.error.message}). A newly registered entity appears after the next catalog refresh.`}
        />
      );
    }
    return <ResponseErrorPanel error={state.error} />;
  }
  if (!state.value) return null;
  if (!hasEvents(state.value)) return <NoEventsState entity={entity} />;
  return <>{props.children(state.value)}</>;
}

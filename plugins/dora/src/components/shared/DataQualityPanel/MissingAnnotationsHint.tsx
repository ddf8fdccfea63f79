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
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GITLAB_PROJECT_SLUG_ANNOTATION,
} from '@dora-metrics/plugin-dora-common';
import Typography from '@material-ui/core/Typography';
import { AnnotationSnippet } from './AnnotationSnippet';
import { annotationLine } from './annotationHints';

/**
 * What an entity must carry for events to be matched to it, as the exact
 * lines to add. Shown in the data-quality panel and in the card's empty state.
 */
export function MissingAnnotationsHint(props: {
  entityRef: string;
  missing: string[];
  noneAtAll: boolean;
}) {
  const { entityRef, missing, noneAtAll } = props;
  const repositoryMissing = missing.includes(GITHUB_PROJECT_SLUG_ANNOTATION);
  return (
    <div data-testid="dora-missing-annotations">
      <Typography variant="body2">
        {noneAtAll
          ? `${entityRef} has no DORA annotation, so deployments, commits and incidents reported by repository or service are not matched to it. Add:`
          : `${entityRef} is missing an annotation; events reported by the key below are not matched to it. Add:`}
      </Typography>
      <AnnotationSnippet lines={missing.map(name => annotationLine(name))} />
      {repositoryMissing && (
        <Typography variant="caption" color="textSecondary" component="p">
          For a GitLab project use{' '}
          <code>{annotationLine(GITLAB_PROJECT_SLUG_ANNOTATION)}</code> instead.
          Events that name this entity by its entityRef count without any
          annotation.
        </Typography>
      )}
    </div>
  );
}

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

import { DeploymentView } from '@dora-metrics/plugin-dora-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatHours } from '../shared';
import { formatInstant } from './formatInstant';

const SHORT_SHA = 7;
const INLINE = 3;

/** The first few shipped commits inline; the full list is in the row's detail panel. */
export function CommitsCell(props: { deployment: DeploymentView }) {
  const { commits } = props.deployment;
  if (commits.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        none known
      </Typography>
    );
  }
  const shown = commits.slice(0, INLINE).map(c => c.sha.slice(0, SHORT_SHA));
  const more = commits.length - shown.length;
  return (
    <code>
      {shown.join(' ')}
      {more > 0 ? ` +${more} more` : ''}
    </code>
  );
}

/** Every commit a deployment shipped with its own lead time. */
export function DeploymentCommitList(props: { deployment: DeploymentView }) {
  const { deployment } = props;
  if (deployment.commits.length === 0) {
    return (
      <Box px={4} py={1}>
        <Typography variant="body2" color="textSecondary">
          No shipped commits are known for {deployment.id}: it lists none, and
          either it shipped nothing new (a rollback or a redeploy, or the first
          deployment with no predecessor) or the history since the previous
          deployment is not known.
        </Typography>
      </Box>
    );
  }
  return (
    <Box px={4} py={1}>
      <Typography variant="subtitle2">
        {deployment.commits.length} commits shipped by {deployment.source}:
        {deployment.id}
      </Typography>
      <ul aria-label={`Commits shipped by ${deployment.id}`}>
        {deployment.commits.map(commit => (
          <li key={commit.sha}>
            <Typography variant="body2">
              <code>{commit.sha}</code> committed{' '}
              {formatInstant(commit.committedAt)}, lead time{' '}
              {formatHours(commit.leadTimeHours)}
            </Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
}

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
  ChangeInput,
  DeploymentInput,
  DeploymentStatus,
  IncidentInput,
} from '@dora-metrics/plugin-dora-common';

/**
 * A deployment as one provider event (or API answer) shows it. `running`
 * covers every state that is not final (queued, pending, in progress...):
 * such a state never overwrites a final one and creates nothing on its own.
 *
 * @public
 */
export type DeploymentObservation = {
  deployment: Omit<DeploymentInput, 'status' | 'finishedAt'> & {
    status: DeploymentStatus | 'running';
  };
  /** Provider time at which the deployment was in this state. */
  observedAt: string;
};

/**
 * An incident as one provider event shows it.
 *
 * @public
 */
export type IncidentObservation = {
  incident: IncidentInput;
  /** Provider time of the event. */
  observedAt: string;
  /**
   * The event reopens the incident at `observedAt`: a resolution before
   * then, even one delivered later, no longer closes it.
   */
  reopened?: boolean;
};

/**
 * An incident known by repository and number (GitHub issue, GitLab
 * incident): the ingest resolves the repository to entities, since incidents
 * are otherwise matched by PagerDuty service.
 *
 * @public
 */
export type RepositoryIncidentObservation = {
  repository: string;
  incident: Omit<IncidentInput, 'entityRef' | 'service'>;
  observedAt: string;
  /** The event reopens the incident at `observedAt` (see IncidentObservation). */
  reopened?: boolean;
};

/**
 * What one event tells of a pull / merge request.
 *
 * @public
 */
export type PullRequestObservation = {
  source: string;
  repository: string;
  number: number;
  createdAt?: string;
  /** A review by someone other than the author. */
  reviewedAt?: string;
  mergedAt?: string;
  /** The commit the merge put on the target branch. */
  mergeSha?: string;
  /** Opened by a bot; who is never kept. */
  automated?: boolean;
  /** The sha its body names as reverted (a `Revert "..."` pull request). */
  revertOf?: string;
  /** The pull request of the same repository its body names as reverted. */
  revertOfPullRequest?: number;
};

/**
 * Everything one webhook delivery or one provider API page yields. The
 * plugin merges observations with what it stored before (a later state of
 * a deployment or incident wins, pull request fields are filled in as they
 * become known), then ingests the result as the push API would.
 *
 * @public
 */
export type Observations = {
  deployments: DeploymentObservation[];
  changes: ChangeInput[];
  incidents: IncidentObservation[];
  repositoryIncidents: RepositoryIncidentObservation[];
  pullRequests: PullRequestObservation[];
};

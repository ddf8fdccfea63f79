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

import { Observations } from '@dora-metrics/plugin-dora-node';

// The observation types are public (backfill sources of modules return
// them), so they live in the node library; the plugin's code imports them
// from here with the empty value below.
export type {
  DeploymentObservation,
  IncidentObservation,
  Observations,
  PullRequestObservation,
  RepositoryIncidentObservation,
} from '@dora-metrics/plugin-dora-node';

export const noObservations = (): Observations => ({
  deployments: [],
  changes: [],
  incidents: [],
  repositoryIncidents: [],
  pullRequests: [],
});

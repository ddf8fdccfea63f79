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

import { useApi } from '@backstage/core-plugin-api';
import { OwnershipMode } from '@dora-metrics/plugin-dora-common';
import useAsync from 'react-use/esm/useAsync';
import { doraApiRef, WindowQuery } from '../api';

/** How a team view pools its services. */
export type TeamScope = {
  /** Count the services of sub-groups too (the team as an organisation). */
  includeSubgroups: boolean;
  /** Who owned a service: now, or when each event happened. */
  ownership: OwnershipMode;
};

/** The API's defaults, spelled out so the UI controls start in agreement. */
export const DEFAULT_TEAM_SCOPE: TeamScope = {
  includeSubgroups: true,
  ownership: 'current',
};

/** A group's pooled metrics for a window; reloads when any input changes. */
export function useTeamMetrics(
  groupRef: string,
  window: WindowQuery,
  scope: TeamScope = DEFAULT_TEAM_SCOPE,
) {
  const doraApi = useApi(doraApiRef);
  const { from, to } = window;
  const { includeSubgroups, ownership } = scope;
  return useAsync(
    () =>
      doraApi.getTeamMetrics({
        groupRef,
        from,
        to,
        includeSubgroups,
        ownership,
      }),
    [doraApi, groupRef, from, to, includeSubgroups, ownership],
  );
}

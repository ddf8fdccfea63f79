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

import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { useCallback } from 'react';

/** The tab path the plugin mounts on entity pages (legacy and new frontend system). */
const DORA_TAB_PATH = 'dora';

/**
 * Builds the path of an entity's DORA tab from its ref. Links go straight to
 * the tab rather than the overview because a reader coming from a team or
 * template table wants the numbers behind the row.
 */
export function useEntityDoraPath(): (entityRef: string) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (entityRef: string) => {
      const params = entityRouteParams(parseEntityRef(entityRef), {
        encodeParams: true,
      });
      return `${entityRoute(params)}/${DORA_TAB_PATH}`;
    },
    [entityRoute],
  );
}

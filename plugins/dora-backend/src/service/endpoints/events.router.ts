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

import { EndpointDeps, DoraRouter } from './types';
import { withLeadTimes } from '../../reports/deploymentList';
import { readRequest } from './readRequest';

/**
 * `GET /v1/deployments` and `GET /v1/incidents`: an entity's events, newest
 * first, a page at a time.
 */
export function bindEventsEndpoints(router: DoraRouter, deps: EndpointDeps) {
  const { access, store } = deps;

  router.get('/v1/deployments', async (req, res) => {
    const { credentials, window } = await readRequest(deps, req, req.query);
    const { entityRef, limit = 50, cursor } = req.query;
    res.json(
      withLeadTimes(
        await store.listDeployments({
          entityRef: await access.readableRef(entityRef, credentials),
          ...window,
          limit,
          cursor,
        }),
      ),
    );
  });

  router.get('/v1/incidents', async (req, res) => {
    const { credentials, window } = await readRequest(deps, req, req.query);
    const { entityRef, limit = 50, cursor } = req.query;
    res.json(
      await store.listIncidents({
        entityRef: await access.readableRef(entityRef, credentials),
        ...window,
        limit,
        cursor,
      }),
    );
  });
}

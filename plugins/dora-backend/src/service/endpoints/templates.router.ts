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
import { readRequest } from './readRequest';

/** `GET /v1/templates/report` and `GET /v1/templates/metrics`. */
export function bindTemplatesEndpoints(router: DoraRouter, deps: EndpointDeps) {
  router.get('/v1/templates/report', async (req, res) => {
    const request = await readRequest(deps, req, req.query);
    res.json(await deps.templates.report(request));
  });

  router.get('/v1/templates/metrics', async (req, res) => {
    const request = await readRequest(deps, req, req.query);
    // An empty templateRef asks for the entities created from no template.
    res.json(
      await deps.templates.metrics(req.query.templateRef || null, request),
    );
  });
}

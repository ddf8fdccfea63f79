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

import { doraMetricsReadPermission } from '@dora-metrics/plugin-dora-common';
import { EndpointDeps, DoraRouter } from './types';

/** `GET /v1/data-quality`: what keeps the numbers from being right. */
export function bindDataQualityEndpoint(
  router: DoraRouter,
  { authorize, dataQuality }: EndpointDeps,
) {
  router.get('/v1/data-quality', async (req, res) => {
    const credentials = await authorize(req, doraMetricsReadPermission, [
      'user',
      'service',
    ]);
    const { limit, cursor } = req.query;
    res.json(await dataQuality.report(credentials, { limit, cursor }));
  });
}

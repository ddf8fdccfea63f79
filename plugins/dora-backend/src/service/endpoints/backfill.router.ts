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

import { ConflictError } from '@backstage/errors';
import { doraEventsCreatePermission } from '@dora-metrics/plugin-dora-common';
import { EndpointDeps, DoraRouter } from './types';

/**
 * `POST /v1/backfill` starts a backfill run now (it continues in the
 * background), `GET /v1/backfill` reports its progress. Both are for service
 * principals with `dora.events.create`, like the push routes. With
 * `dora.backfill.enabled: false` the installer has turned backfill off, so
 * starting one is refused (409) rather than reading provider APIs anyway.
 */
export function bindBackfillEndpoints(
  router: DoraRouter,
  { authorize, auditor, backfill, config }: EndpointDeps,
) {
  router.get('/v1/backfill', async (req, res) => {
    await authorize(req, doraEventsCreatePermission, ['service']);
    res.json(await backfill.status());
  });

  router.post('/v1/backfill', async (req, res) => {
    await authorize(req, doraEventsCreatePermission, ['service']);
    if (!config.backfill.enabled) {
      throw new ConflictError(
        'backfill is disabled (dora.backfill.enabled: false); enable it to start a run',
      );
    }
    const audit = await auditor.createEvent({
      eventId: 'dora-backfill',
      severityLevel: 'medium',
      request: req,
    });
    const started = backfill.start();
    await audit.success({ meta: { started } });
    res.status(202).json({ started, ...(await backfill.status()) });
  });
}

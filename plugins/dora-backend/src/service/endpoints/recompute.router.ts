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

import { doraEventsCreatePermission } from '@dora-metrics/plugin-dora-common';
import { EndpointDeps, DoraRouter } from './types';

/**
 * `POST /v1/recompute`: re-derives every entity's facts from raw events and
 * answers what it did. It reads every event, so it runs one at a time across
 * every replica sharing the database (a lease, see FactDeriver.recompute): a
 * second call while one runs answers 409 instead of doubling the load. Every
 * call is audited, the refused ones as failures.
 */
export function bindRecomputeEndpoint(
  router: DoraRouter,
  { authorize, auditor, deriver }: EndpointDeps,
) {
  router.post('/v1/recompute', async (req, res) => {
    await authorize(req, doraEventsCreatePermission, ['service']);
    const audit = await auditor.createEvent({
      eventId: 'dora-recompute',
      severityLevel: 'medium',
      request: req,
    });
    try {
      const result = await deriver.recompute();
      await audit.success({ meta: result });
      res.json(result);
    } catch (error) {
      // A refusal (ConflictError, 409) as well as a failure.
      await audit.fail({ error: error as Error });
      throw error;
    }
  });
}

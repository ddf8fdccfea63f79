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
import express from 'express';
import Router from 'express-promise-router';
import { createOpenApiRouter } from '../schema/openapi';
import { createAuthorize } from './authorize';
import { bodyErrorHandler, jsonBody } from './bodyParsing';
import { databaseUnavailableHandler } from './databaseErrors';
import { internalErrorHandler } from './internalErrors';
import { bindBackfillEndpoints } from './endpoints/backfill.router';
import { bindDataQualityEndpoint } from './endpoints/dataQuality.router';
import { bindEventsEndpoints } from './endpoints/events.router';
import { bindHealthEndpoint } from './endpoints/health.router';
import { bindMetricsEndpoint } from './endpoints/metrics.router';
import { bindPushEndpoints } from './endpoints/push.router';
import { bindRecomputeEndpoint } from './endpoints/recompute.router';
import { bindTeamsEndpoint } from './endpoints/teams.router';
import { bindTemplatesEndpoints } from './endpoints/templates.router';
import { RouterOptions } from './endpoints/types';

export type { RouterOptions } from './endpoints/types';

/**
 * The plugin's HTTP API, as openapi.yaml describes it. HTTP only parses,
 * authorizes and calls: every route's work is in the ingest, backfill and
 * report services.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  // Bodies are parsed outside the validated router: its error transformer
  // would turn a 413 for an oversize body into a 400.
  const outer = Router();
  const authorize = createAuthorize(options);
  // Write routes check the caller before reading the body: a user's token
  // or none gets its 401 or 403 without making the backend parse and
  // schema-check up to 10 MB first. The handlers check again (cheaply) so
  // that each stays correct on its own.
  outer.use('/v1', async (req, _res, next) => {
    if (req.method === 'POST') {
      await authorize(req, doraEventsCreatePermission, ['service']);
    }
    next();
  });
  outer.use(jsonBody());
  // Validates every request against the published OpenAPI document (and
  // serves it at /openapi.json), and hands the handlers typed query values
  // with the document's defaults; push items are validated one by one later.
  const router = await createOpenApiRouter({
    middleware: [(_req, _res, next) => next()],
  });
  outer.use(router);
  // Error translation for everything above, before Backstage's own handler.
  outer.use(bodyErrorHandler);
  outer.use(databaseUnavailableHandler(options.logger));
  outer.use(internalErrorHandler(options.logger));

  const deps = { ...options, authorize };
  bindHealthEndpoint(router);
  bindPushEndpoints(router, deps);
  bindRecomputeEndpoint(router, deps);
  bindBackfillEndpoints(router, deps);
  bindMetricsEndpoint(router, deps);
  bindTeamsEndpoint(router, deps);
  bindTemplatesEndpoints(router, deps);
  bindEventsEndpoints(router, deps);
  bindDataQualityEndpoint(router, deps);
  return outer;
}

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
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import { readEntityFacts } from './sqlReferences';

/**
 * The lower bound of `GET /v1/metrics` as an HTTP route: the benchmark's
 * hand-written query for one entity, served by the same backend, on the same
 * router, auth and database client as the plugin's own routes, returning the
 * rows as they come. Whatever a route costs before and after its query
 * (client, Backstage's middleware, credentials, JSON) it costs here too, so
 * the ratio against it is what the plugin adds. Only the benchmark's backend
 * process loads this module.
 */
export default createBackendModule({
  pluginId: 'dora',
  moduleId: 'bench-lower-bound',
  register(env) {
    env.registerInit({
      deps: {
        http: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        database: coreServices.database,
      },
      async init({ http, httpAuth, database }) {
        const db = await database.getClient();
        const router = Router();
        router.get('/bench/entity-facts', async (req, res) => {
          await httpAuth.credentials(req, { allow: ['user', 'service'] });
          const { entityRef, from, to } = req.query;
          if (typeof entityRef !== 'string' || !from || !to)
            throw new InputError('entityRef, from and to are required');
          res.json(
            await readEntityFacts(db, entityRef, Number(from), Number(to)),
          );
        });
        http.use(router);
      },
    });
  },
});

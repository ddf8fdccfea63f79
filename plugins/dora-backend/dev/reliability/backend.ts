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

import { readFileSync } from 'node:fs';
import { createBackend } from '@backstage/backend-defaults';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { demoEntities } from '../../src/reliability/__testUtils__/demoFill';

// A production-like DORA backend for the process-level reliability tests
// (crash, database outage, replicas): Backstage's real auth, database,
// scheduler and HTTP stack, the catalog mocked with the test entities.
// Started by backendProcess.ts with `--config <file>`. The benchmark
// (dev/bench) hands it its generated organisation as a JSON file in
// DORA_BACKEND_ENTITIES, and asks for its lower-bound route with
// DORA_BACKEND_LOWER_BOUND; the replicas part adds the webhook ingress with
// DORA_BACKEND_WEBHOOKS.
const entitiesFile = process.env.DORA_BACKEND_ENTITIES;
const entities = entitiesFile
  ? JSON.parse(readFileSync(entitiesFile, 'utf8'))
  : demoEntities;
const backend = createBackend();
backend.add(catalogServiceMock.factory({ entities }));
backend.add(import('../../src'));
if (process.env.DORA_BACKEND_LOWER_BOUND)
  backend.add(import('../bench/lowerBoundModule'));
// Provider webhooks (the replicas part): the events backend's HTTP ingress
// with the GitHub module's signature check, as an installation runs them.
if (process.env.DORA_BACKEND_WEBHOOKS) {
  backend.add(import('@backstage/plugin-events-backend'));
  backend.add(import('@backstage/plugin-events-backend-module-github'));
}
backend.start();

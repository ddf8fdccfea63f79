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

import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// A minimal backend for working on this plugin alone (`yarn start` here),
// with mocked auth and one catalog entity. Try:
//
//   curl -X POST http://localhost:7007/api/dora/v1/deployments \
//     -H 'Content-Type: application/json' \
//     -d '{"deployments":[{"source":"ci","id":"1","entityRef":"component:default/checkout",
//          "environment":"production","status":"success","finishedAt":"2026-03-02T12:00:00Z"}]}'
//   curl 'http://localhost:7007/api/dora/v1/metrics?entityRef=component:default/checkout&from=2026-03-01'

const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'checkout',
          annotations: { 'github.com/project-slug': 'acme/checkout' },
        },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: 'group:default/payments',
        },
      },
    ],
  }),
);
backend.add(import('../src'));
backend.start();

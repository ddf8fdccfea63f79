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

import { auditorServiceFactory } from '@backstage/backend-defaults/auditor';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { doraPlugin } from '../../plugin';
import { checkoutEntity } from '../../__testUtils__/workedExample';
import { capturingLoggers } from './capturingLogger';

/** Static tokens as a CI system would hold them (config `backend.auth.externalAccess`). */
export const TOKENS = {
  /** Restricted to this plugin: may push. */
  ci: 'dora-ci-7b0f3c9e2d4a41f8a6e5b1c0d9e8f7a6',
  /** Restricted to this plugin, read permission only. */
  readOnly: 'dora-ro-0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  /** Restricted to another plugin. */
  catalogOnly: 'catalog-5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b',
};

/**
 * A backend with Backstage's real auth, HTTP auth, permission and auditor
 * services (so static tokens and their access restrictions are enforced as
 * in production) and loggers that keep every line.
 */
export async function startStaticTokenBackend() {
  const logs = capturingLoggers();
  const { server } = await startTestBackend({
    features: [
      doraPlugin,
      authServiceFactory,
      httpAuthServiceFactory,
      permissionsServiceFactory,
      auditorServiceFactory,
      ...logs.factories,
      catalogServiceMock.factory({ entities: [checkoutEntity] }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: TOKENS.ci, subject: 'ci' },
                  accessRestrictions: [{ plugin: 'dora' }],
                },
                {
                  type: 'static',
                  options: { token: TOKENS.readOnly, subject: 'dashboard' },
                  accessRestrictions: [
                    { plugin: 'dora', permission: 'dora.metrics.read' },
                  ],
                },
                {
                  type: 'static',
                  options: { token: TOKENS.catalogOnly, subject: 'importer' },
                  accessRestrictions: [{ plugin: 'catalog' }],
                },
              ],
            },
          },
          dora: { timeZone: 'UTC' },
        },
      }),
    ],
  });
  return { server, logs: logs.lines };
}

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

import { JsonObject } from '@backstage/types';
import { loadConfigContext } from './snippets';
import {
  credentialValues,
  dockerfileCommand,
  ENV_REFERENCE,
  readConfigAsStarted,
} from './productionConfig';

const argv = dockerfileCommand();

const externalAccess = (config: JsonObject) =>
  ((config.backend as JsonObject)?.auth as JsonObject)
    ?.externalAccess as JsonObject[];

describe('configuration of the backend image', () => {
  it('is app-config.yaml with app-config.production.yaml on top', () => {
    expect(argv).toEqual([
      'node',
      'packages/backend',
      '--config',
      'app-config.yaml',
      '--config',
      'app-config.production.yaml',
    ]);
  });

  it('takes every token, secret and password from the environment', async () => {
    // `${NAME}` kept as written: what the merged files say, before substitution.
    const raw = await readConfigAsStarted(argv, name => `\${${name}}`);
    const credentials = credentialValues(raw);
    expect(credentials.map(c => c.path)).toContain(
      'backend.auth.externalAccess[0].options.token',
    );
    const literal = credentials.filter(
      c => typeof c.value !== 'string' || !ENV_REFERENCE.test(c.value),
    );
    expect(literal).toEqual([]);
  });

  it('replaces the development push token with DORA_PUSH_TOKEN, for plugin dora only', async () => {
    const env: Record<string, string> = {
      DORA_PUSH_TOKEN: 'test-push-token-4f1c9a',
      POSTGRES_HOST: 'db',
      POSTGRES_PORT: '5432',
      POSTGRES_USER: 'backstage',
      POSTGRES_PASSWORD: 'pw',
    };
    const config = await readConfigAsStarted(argv, name => env[name]);
    // Arrays are replaced, not merged: nothing of app-config.yaml's list is left.
    expect(externalAccess(config)).toEqual([
      {
        type: 'static',
        options: { token: env.DORA_PUSH_TOKEN, subject: expect.any(String) },
        accessRestrictions: [{ plugin: 'dora' }],
      },
    ]);
    expect(JSON.stringify(config)).not.toContain('dora-local-dev-token');
    // The simulated demo history is never on in production.
    expect((config.dora as JsonObject)?.demo).toMatchObject({ enabled: false });

    const { schema } = await loadConfigContext();
    expect(() =>
      schema.process([{ context: 'production', data: config }], {
        visibility: ['frontend', 'backend', 'secret'],
      }),
    ).not.toThrow();
  }, 180_000);

  it('keeps the local development token in app-config.yaml alone', async () => {
    const dev = await readConfigAsStarted(
      ['--config', 'app-config.yaml'],
      () => undefined,
    );
    expect(externalAccess(dev)).toEqual([
      expect.objectContaining({
        options: { token: 'dora-local-dev-token', subject: 'local-ci' },
        accessRestrictions: [{ plugin: 'dora' }],
      }),
    ]);
  });
});

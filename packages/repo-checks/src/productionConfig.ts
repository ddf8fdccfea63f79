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

import fs from 'node:fs';
import path from 'node:path';
import { ConfigSources } from '@backstage/config-loader';
import { JsonObject } from '@backstage/types';
import { repoRoot } from './repo';

/** The command line the backend image starts with (`CMD` of its Dockerfile). */
export function dockerfileCommand(
  dockerfile = path.join(repoRoot, 'packages', 'backend', 'Dockerfile'),
): string[] {
  const cmd = fs
    .readFileSync(dockerfile, 'utf8')
    .split('\n')
    .filter(line => /^CMD\s/.test(line))
    .pop();
  if (!cmd) throw new Error(`${dockerfile} has no CMD line`);
  return JSON.parse(cmd.replace(/^CMD\s+/, ''));
}

/**
 * Reads the configuration the way the backend does when started with `argv`
 * (`--config` files merged in order, objects merged, arrays replaced),
 * relative to the repository root. `substitute` replaces `${NAME}`.
 */
export async function readConfigAsStarted(
  argv: string[],
  substitute: (name: string) => string | undefined,
): Promise<JsonObject> {
  // Relative `--config` paths are read from the working directory, which is
  // the repository root in the image (WORKDIR /app).
  const fromRoot = argv.map((arg, i) =>
    argv[i - 1] === '--config' ? path.resolve(repoRoot, arg) : arg,
  );
  const source = ConfigSources.default({
    argv: fromRoot,
    rootDir: repoRoot,
    env: {},
    watch: false,
    substitutionFunc: async name => substitute(name),
  });
  const config = await ConfigSources.toConfig(source);
  try {
    return config.get<JsonObject>();
  } finally {
    config.close();
  }
}

/** A value that names an environment variable and nothing else. */
export const ENV_REFERENCE = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

const SECRET_KEY = /token|secret|password/i;

/**
 * Every value under a key that looks like a credential (`token`,
 * `webhookSecret`, `password`...), with its path; arrays are walked too.
 */
export function credentialValues(
  data: unknown,
  at = '',
  underSecretKey = false,
): { path: string; value: unknown }[] {
  if (Array.isArray(data)) {
    return data.flatMap((item, i) =>
      credentialValues(item, `${at}[${i}]`, underSecretKey),
    );
  }
  if (typeof data === 'object' && data !== null) {
    return Object.entries(data).flatMap(([key, value]) =>
      credentialValues(
        value,
        at ? `${at}.${key}` : key,
        underSecretKey || SECRET_KEY.test(key),
      ),
    );
  }
  return underSecretKey ? [{ path: at, value: data }] : [];
}

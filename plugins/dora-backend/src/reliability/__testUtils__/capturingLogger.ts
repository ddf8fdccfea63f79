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
  createServiceFactory,
  LoggerService,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { inspect } from 'node:util';

/**
 * Root and plugin loggers that keep every line, message and meta (errors
 * with their stacks and causes) as text, for tests that assert what logs
 * never contain.
 */
export function capturingLoggers() {
  const lines: string[] = [];
  const make = (fields: Record<string, unknown>): RootLoggerService => {
    const log = (level: string) => (message: string, meta?: Error | object) => {
      lines.push(
        `${level} ${message} ${inspect({ ...fields, meta }, { depth: 8 })}`,
      );
    };
    return {
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: log('debug'),
      child: (meta: Record<string, unknown>): LoggerService =>
        make({ ...fields, ...meta }),
    };
  };
  const root = make({});
  return {
    lines,
    factories: [
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => root,
      }),
      createServiceFactory({
        service: coreServices.logger,
        deps: { plugin: coreServices.pluginMetadata },
        factory: ({ plugin }) => root.child({ plugin: plugin.getId() }),
      }),
    ],
  };
}

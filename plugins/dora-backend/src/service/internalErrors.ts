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

import { LoggerService } from '@backstage/backend-plugin-api';
import { ErrorRequestHandler } from 'express';
import { randomBytes } from 'node:crypto';

// Errors the plugin raises on purpose, whose message is written for callers.
const STATUS_BY_NAME: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  ServiceUnavailableError: 503,
};

function statusOf(error: unknown): number {
  const e = (error ?? {}) as { status?: unknown; statusCode?: unknown };
  for (const status of [e.statusCode, e.status]) {
    if (typeof status === 'number' && Number.isInteger(status)) return status;
  }
  const name = (error as { name?: unknown })?.name;
  return (typeof name === 'string' && STATUS_BY_NAME[name]) || 500;
}

/**
 * Express error middleware: an error nobody meant for the caller (a
 * TypeError, a driver's error quoting its SQL and values, anything that
 * would answer 500) is answered with a generic message and an id, and
 * logged here with its detail under that id. Backstage's own handler hides
 * only PostgreSQL's DatabaseError, and in development it adds the stack.
 */
export function internalErrorHandler(
  logger?: LoggerService,
): ErrorRequestHandler {
  return (error, req, _res, next) => {
    // A 503 for an unreachable database carries a message written for callers.
    if (statusOf(error) < 500 || error?.name === 'ServiceUnavailableError') {
      next(error);
      return;
    }
    const logId = randomBytes(8).toString('hex');
    logger?.error(
      `DORA: ${req.method} ${req.baseUrl}${req.path} failed (logId=${logId}): ${error}`,
      error instanceof Error ? error : new Error(String(error)),
    );
    const generic = new Error(
      `internal error: the request failed (logId=${logId}); the backend log has the details`,
    );
    generic.name = 'InternalError';
    delete generic.stack;
    next(generic);
  };
}

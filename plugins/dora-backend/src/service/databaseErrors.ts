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
import { ServiceUnavailableError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

/** Seconds a client should wait before retrying when the database is down. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_MESSAGE =
  'database unavailable: the DORA store cannot reach its database; the ' +
  'request did not complete, retry later (a repeated push is stored once)';

// Socket-level failures (Node), MySQL driver codes for a lost or refused
// server, and PostgreSQL SQLSTATEs for a server shutting down, starting up or
// out of connection slots. Class 08 (connection exception) is matched below.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  '57P01', // admin_shutdown: terminating connection due to administrator command
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the database system is starting up
  '53300', // too_many_connections
]);

// Errors the drivers raise without a code (pg, knex, tarn).
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /client has encountered a connection error and is not queryable/i,
  /timeout acquiring a connection/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /connection lost: the server closed the connection/i,
  /cannot enqueue .* after fatal error/i,
];

type ErrorLike = {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
};

/**
 * Whether an error (or anything it wraps) says the database cannot be
 * reached, as opposed to a query it refused. Only the former deserves a 503:
 * the request was fine and a retry later will succeed.
 */
export function isDatabaseUnavailableError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) {
    return true;
  }
  if (e.name === 'KnexTimeoutError') return true;
  const message = typeof e.message === 'string' ? e.message : '';
  if (UNAVAILABLE_MESSAGES.some(pattern => pattern.test(message))) return true;
  if (Array.isArray(e.errors)) {
    return e.errors.some(inner => isDatabaseUnavailableError(inner, depth + 1));
  }
  return isDatabaseUnavailableError(e.cause, depth + 1);
}

/**
 * Express error middleware: a database that cannot be reached answers 503
 * with a message naming the database and a Retry-After header, instead of
 * the default 500. The driver's own message (host, port) stays in the log.
 */
export function databaseUnavailableHandler(
  logger?: LoggerService,
): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (!isDatabaseUnavailableError(error)) {
      next(error);
      return;
    }
    logger?.warn(`DORA: database unavailable: ${error}`);
    if (!res.headersSent) {
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    }
    next(new ServiceUnavailableError(DATABASE_UNAVAILABLE_MESSAGE));
  };
}

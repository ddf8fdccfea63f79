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

import { isError } from '@backstage/errors';

/**
 * Whether the DORA backend answered 404: the entity or template is unknown
 * to it, or the caller may not read it. The pages show that as a normal
 * state ("no metrics yet"), not as a failure.
 *
 * DoraClient throws a ResponseError, which carries the HTTP status on
 * `statusCode` (taken from the response) and the server's error, with its
 * name, on `cause`. Other DoraApi implementations, such as the mocks in
 * tests, may throw a NotFoundError directly. Anything that is not an error
 * (a rejected string, nothing at all) is not a 404.
 */
export function isNotFound(error: unknown): boolean {
  if (!isError(error)) return false;
  if (error.name === 'NotFoundError') return true;
  const { statusCode, cause } = error as {
    statusCode?: unknown;
    cause?: unknown;
  };
  return (
    statusCode === 404 || (isError(cause) && cause.name === 'NotFoundError')
  );
}

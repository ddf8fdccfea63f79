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

import { NotFoundError, ResponseError } from '@backstage/errors';
import { isNotFound } from './isNotFound';

/** What DoraClient throws for a failed request, from a response like the backend's. */
function responseError(
  status: number,
  statusText: string,
  body: { contentType: string; text: string },
): Promise<ResponseError> {
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText,
    redirected: false,
    type: 'basic',
    url: 'http://localhost/api/dora/v1/metrics',
    headers: new Headers({ 'content-type': body.contentType }),
    text: async () => body.text,
  });
}

/** The JSON error body the Backstage backend sends for a thrown error. */
function backendError(name: string, message: string, statusCode: number) {
  return {
    contentType: 'application/json; charset=utf-8',
    text: JSON.stringify({
      error: { name, message },
      request: { method: 'GET', url: '/v1/metrics' },
      response: { statusCode },
    }),
  };
}

describe('isNotFound', () => {
  it('is true for the backend answering 404 with a NotFoundError', async () => {
    const error = await responseError(
      404,
      'Not Found',
      backendError('NotFoundError', 'entityRef: no entity', 404),
    );
    expect(isNotFound(error)).toBe(true);
  });

  it('is true for a 404 whose body is not a Backstage error', async () => {
    // A proxy in front of the backend answers in its own words.
    const error = await responseError(404, 'Not Found', {
      contentType: 'text/plain',
      text: 'no such path',
    });
    expect(isNotFound(error)).toBe(true);
  });

  it('is false for any other failed request', async () => {
    const denied = await responseError(
      403,
      'Forbidden',
      backendError('NotAllowedError', 'no', 403),
    );
    const broken = await responseError(500, 'Internal Server Error', {
      contentType: 'text/plain',
      text: 'database is unreachable',
    });
    expect(isNotFound(denied)).toBe(false);
    expect(isNotFound(broken)).toBe(false);
  });

  it('is true for a NotFoundError thrown directly or carried as the cause', () => {
    const notFound = new NotFoundError('templateRef: no such template');
    const wrapped = new Error('request failed', { cause: notFound });
    expect(isNotFound(notFound)).toBe(true);
    expect(isNotFound(wrapped)).toBe(true);
  });

  it('is false for other errors and for values that are not errors', () => {
    expect(isNotFound(new Error('database is unreachable'))).toBe(false);
    expect(isNotFound(undefined)).toBe(false);
    expect(isNotFound('404')).toBe(false);
    // Shaped like a 404 but not an error: no name or message.
    expect(isNotFound({ statusCode: 404 })).toBe(false);
  });
});

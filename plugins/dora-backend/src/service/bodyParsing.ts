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

import { InputError } from '@backstage/errors';
import express, { ErrorRequestHandler, RequestHandler } from 'express';
import { isUtf8 } from 'node:buffer';

/** Default body limit of the push API (spec: 10 MB). */
export const MAX_BODY = '10mb';

function invalidUtf8() {
  // `status` makes body-parser answer 400 instead of its default 403 for
  // a failed verification.
  return Object.assign(new InputError('request body: not valid UTF-8'), {
    status: 400,
    type: 'entity.verify.failed',
  });
}

/**
 * JSON bodies up to {@link MAX_BODY}. Invalid UTF-8 is refused rather than
 * decoded to U+FFFD, which would store a mangled id or source as if it were
 * what the sender meant.
 */
export function jsonBody(): RequestHandler {
  return express.json({
    limit: MAX_BODY,
    verify: (_req, _res, buffer, encoding) => {
      if (/^utf-?8$/i.test(encoding) && !isUtf8(buffer)) throw invalidUtf8();
    },
  });
}

function isJson(text: string) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

type BodyParserError = Error & {
  type?: string;
  status?: number;
  body?: unknown;
};

/**
 * Replaces body-parser's errors by ones that say what is wrong without
 * echoing the body: its parse error carries the whole raw body as a property,
 * which the default error handler serializes into the response (a 10 MB
 * answer, and anything secret the sender pasted into it).
 */
export const bodyErrorHandler: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  const e = error as BodyParserError;
  switch (e?.type) {
    case 'entity.parse.failed': {
      // Strict mode refuses JSON that is not an object or array (`42`).
      const first = typeof e.body === 'string' ? e.body.trimStart()[0] : '';
      if (first && first !== '{' && first !== '[' && isJson(e.body as string)) {
        next(new InputError('request body: must be a JSON object'));
        return;
      }
      const position = /at position (\d+)/.exec(e.message)?.[1];
      next(
        new InputError(
          `request body: not valid JSON${
            position ? ` (at position ${position})` : ''
          }`,
        ),
      );
      return;
    }
    case 'entity.too.large':
      next(
        Object.assign(
          new Error(`request body: larger than the ${MAX_BODY} limit`),
          { name: 'PayloadTooLargeError', status: 413 },
        ),
      );
      return;
    case 'entity.verify.failed':
      next(invalidUtf8());
      return;
    case 'request.aborted':
    case 'request.size.invalid':
      next(new InputError(`request body: ${e.message}`));
      return;
    default:
      next(error);
  }
};

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
import { ResponseError } from '@backstage/errors';

/** Waits `ms`, or rejects early when the signal aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * How long to wait before asking again, from a response's rate-limit
 * headers (GitHub: `retry-after`, `x-ratelimit-remaining` and
 * `x-ratelimit-reset` in epoch seconds; PagerDuty: `retry-after` or
 * `ratelimit-reset` in seconds), or undefined when the response does not say.
 */
export function rateLimitWaitMs(
  headers: Headers,
  now: number,
): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('x-ratelimit-reset');
  if (headers.get('x-ratelimit-remaining') === '0' && reset !== null) {
    // The reset second itself may still be limited: wait until it is over.
    return Math.max(0, Number(reset) * 1000 - now + 1000);
  }
  const pagerDutyReset = headers.get('ratelimit-reset');
  if (pagerDutyReset !== null && Number.isFinite(Number(pagerDutyReset))) {
    return Math.max(0, Number(pagerDutyReset) * 1000);
  }
  return undefined;
}

/** The `rel="next"` (or other) URL of a Link header. */
export function linkUrl(link: string | null, rel: string): string | undefined {
  for (const part of link?.split(',') ?? []) {
    const m = /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part.trim());
    if (m && m[2].split(/\s+/).includes(rel)) return m[1];
  }
  return undefined;
}

/** Pages in all, from the `page` parameter of the Link header's last URL. */
export function lastPageNumber(link: string | null): number | undefined {
  const last = linkUrl(link, 'last');
  const page = last ? new URL(last).searchParams.get('page') : null;
  return page ? Number(page) : undefined;
}

export type ProviderHttpOptions = {
  logger: LoggerService;
  fetch?: typeof fetch;
  sleep?: Sleep;
  now?: () => number;
  /** Attempts per request, counting rate-limited and failed ones. */
  maxAttempts?: number;
  /** A provider asking for a longer wait than this fails the request. */
  maxWaitMs?: number;
};

/**
 * GET requests to provider APIs that obey their rate limits: a 429 (or a
 * 403 that says the limit is exhausted) waits as told and tries again, and
 * a response that says no requests remain holds the next request until the
 * limit resets. Server errors are retried with backoff.
 */
export class ProviderHttp {
  private readonly fetch: typeof fetch;
  private readonly sleep: Sleep;
  private readonly now: () => number;
  private readonly maxAttempts: number;
  private readonly maxWaitMs: number;
  /** Per host: no request before this time. */
  private readonly holdUntil = new Map<string, number>();

  constructor(private readonly options: ProviderHttpOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.maxWaitMs = options.maxWaitMs ?? 3600_000;
  }

  async getJson(
    url: string,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<{ body: unknown; headers: Headers }> {
    const host = new URL(url).host;
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      const hold = (this.holdUntil.get(host) ?? 0) - this.now();
      if (hold > 0) await this.wait(hold, `${host} rate limit resets`, signal);

      const response = await this.fetch(url, { headers, signal });
      const waitMs = rateLimitWaitMs(response.headers, this.now());
      if (response.ok) {
        if (response.headers.get('x-ratelimit-remaining') === '0' && waitMs) {
          this.holdUntil.set(host, this.now() + waitMs);
        }
        return { body: await response.json(), headers: response.headers };
      }
      const limited =
        response.status === 429 ||
        (response.status === 403 && waitMs !== undefined);
      const retryable = limited || response.status >= 500;
      if (!retryable || attempt >= this.maxAttempts) {
        throw await ResponseError.fromResponse(response);
      }
      await response.body?.cancel();
      const backoff = Math.min(60_000, 1000 * 2 ** (attempt - 1));
      await this.wait(
        limited ? waitMs ?? backoff : backoff,
        `${host} answered ${response.status}`,
        signal,
      );
    }
  }

  private async wait(ms: number, why: string, signal?: AbortSignal) {
    if (ms > this.maxWaitMs) {
      throw new Error(`${why}; asked to wait ${ms} ms, more than allowed`);
    }
    this.options.logger.info(`DORA backfill: ${why}, waiting ${ms} ms`);
    await this.sleep(ms, signal);
  }
}

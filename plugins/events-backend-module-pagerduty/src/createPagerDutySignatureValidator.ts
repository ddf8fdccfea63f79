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

import { Config } from '@backstage/config';
import { RequestValidator } from '@backstage/plugin-events-node';
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Config key holding the signing secrets of the PagerDuty webhook subscriptions. */
export const WEBHOOK_SECRETS_KEY = 'events.modules.pagerduty.webhookSecrets';

const SIGNATURE_HEADER = 'x-pagerduty-signature';

/**
 * The `v1=<hex>` signatures of an `X-PagerDuty-Signature` header. PagerDuty
 * sends one per active secret, comma separated, while a secret is rotated.
 */
export function parseSignatures(header: string | string[] | undefined) {
  const values = Array.isArray(header) ? header : [header ?? ''];
  return values
    .flatMap(v => v.split(','))
    .map(s => s.trim())
    .filter(s => s.startsWith('v1='))
    .map(s => s.slice(3).toLowerCase())
    .filter(s => /^[0-9a-f]{64}$/.test(s));
}

/** Whether one of the signatures is the HMAC-SHA256 of the body under one of the secrets. */
export function isSignedBy(
  body: Buffer,
  signatures: string[],
  secrets: string[],
): boolean {
  return secrets.some(secret => {
    const expected = createHmac('sha256', secret).update(body).digest();
    return signatures.some(s =>
      timingSafeEqual(expected, Buffer.from(s, 'hex')),
    );
  });
}

/**
 * A validator for the events backend's HTTP ingress that accepts a request
 * only when its raw body carries a valid PagerDuty v3 signature. Returns
 * undefined when no secret is configured: then no ingress is registered,
 * rather than one that takes unsigned requests.
 */
export function createPagerDutySignatureValidator(
  config: Config,
): RequestValidator | undefined {
  const secrets = (config.getOptionalStringArray(WEBHOOK_SECRETS_KEY) ?? [])
    .map(s => s.trim())
    .filter(Boolean);
  if (secrets.length === 0) return undefined;
  return async (request, context) => {
    const signatures = parseSignatures(request.headers[SIGNATURE_HEADER]);
    if (!isSignedBy(request.raw.body, signatures, secrets)) {
      context.reject({
        status: 403,
        payload: { message: 'invalid signature' },
      });
    }
  };
}

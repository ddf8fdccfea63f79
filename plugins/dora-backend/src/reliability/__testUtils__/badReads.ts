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
  intBetween,
  pick,
  Rng,
} from '@dora-metrics/plugin-dora-backend-module-demo';

/**
 * Query strings for every read route, each with one or more hostile
 * parameter values. The answer may be 200, 400 or 404 (a well-formed ref
 * nobody knows), never a 5xx, and never SQL or a stack.
 */
export type BadRead = { category: string; path: string };

type Parameter =
  | 'entityRef'
  | 'groupRef'
  | 'templateRef'
  | 'from'
  | 'to'
  | 'granularity'
  | 'limit'
  | 'cursor'
  | 'ownership'
  | 'includeSubgroups';

/** Every read route and the parameters it takes (openapi.yaml). */
export const READ_ROUTES: Record<string, Parameter[]> = {
  '/v1/metrics': ['entityRef', 'from', 'to', 'granularity'],
  '/v1/deployments': ['entityRef', 'from', 'to', 'limit', 'cursor'],
  '/v1/incidents': ['entityRef', 'from', 'to', 'limit', 'cursor'],
  '/v1/teams/metrics': [
    'groupRef',
    'from',
    'to',
    'granularity',
    'ownership',
    'includeSubgroups',
  ],
  '/v1/templates/report': ['from', 'to'],
  '/v1/templates/metrics': ['templateRef', 'from', 'to'],
  '/v1/data-quality': ['limit', 'cursor'],
  '/v1/backfill': [],
};

/** A valid value of each parameter, so one bad value is the only defect. */
const GOOD: Record<Parameter, string> = {
  entityRef: 'component:default/checkout',
  groupRef: 'group:default/payments',
  templateRef: 'template:default/node-service',
  from: '2026-03-02',
  to: '2026-03-09',
  granularity: 'week',
  limit: '10',
  cursor: '',
  ownership: 'current',
  includeSubgroups: 'true',
};

const REQUIRED: Partial<Record<string, Parameter>> = {
  '/v1/metrics': 'entityRef',
  '/v1/deployments': 'entityRef',
  '/v1/incidents': 'entityRef',
  '/v1/teams/metrics': 'groupRef',
  '/v1/templates/metrics': 'templateRef',
};

const b64 = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Raw (already percent-encoded) values: malformed refs, NUL, UTF-16
 * surrogates and overlong or invalid UTF-8, forged cursors, absurd numbers
 * and dates.
 */
const HOSTILE: Record<string, (rng: Rng) => string> = {
  'malformed ref': rng =>
    encodeURIComponent(
      pick(rng, [
        ':',
        '/',
        'component:',
        'default/',
        'component:default/',
        ' ',
        '::',
        'a:b:c/d/e',
        '//',
      ]),
    ),
  'hostile ref': rng =>
    encodeURIComponent(
      pick(rng, [
        'user:default/guest',
        'location:default/x',
        'component:default/<script>alert(1)</script>',
        'component:default/a b',
        `component:default/${'n'.repeat(intBetween(rng, 64, 5000))}`,
        "component:default/x' OR '1'='1",
        'component:default/x;DROP TABLE dora_deployments',
      ]),
    ),
  NUL: rng => pick(rng, ['%00', 'x%00', 'component:default/x%00', '%00%00']),
  'lone surrogate': rng =>
    pick(rng, [
      // UTF-8 of a surrogate is invalid UTF-8; JSON-style escapes are text.
      '%ED%A0%80',
      'x%ED%B0%80',
      'component:default/x%ED%A0%80',
      '%5Cud800',
    ]),
  'overlong UTF-8': rng =>
    pick(rng, ['%C0%AF', '%E0%80%AF', '%F0%80%80%AF', '%C0%80', 'x%C1%BF']),
  'invalid percent-encoding': rng => pick(rng, ['%', '%G0', '%E2%82', '%FF']),
  'forged cursor': rng =>
    pick(rng, [
      b64([1.5, 1]),
      b64([1e300, 1]),
      b64([1, 2 ** 31]),
      b64([1, 2 ** 53]),
      b64([-1e300, -1]),
      b64(['1', '1']),
      b64({ at: 1, id: 1 }),
      b64(null),
      b64('\u0000'),
      'not-base64!!',
      '%00',
      'x'.repeat(intBetween(rng, 1, 10_000)),
    ]),
  'absurd number': rng =>
    pick(rng, [
      '0',
      '-1',
      '1e300',
      '1.5',
      'NaN',
      'Infinity',
      '99999999999999999999',
      '0x10',
      '',
    ]),
  'absurd date': rng =>
    pick(rng, [
      '0000-01-01',
      '9999-12-31',
      '+275760-09-13T00:00:00Z',
      '2026-02-30',
      '2026-03-02T12:00:00',
      '1700000000000',
      'yesterday',
      '-1',
    ]),
  'wrong enum': rng =>
    pick(rng, [
      '',
      'WEEK',
      'year',
      'true%20',
      'null',
      '1',
      '%00',
      'at-event%00',
    ]),
  'huge value': rng => 'x'.repeat(intBetween(rng, 1000, 60_000)),
};
export const HOSTILE_NAMES = Object.keys(HOSTILE);

/** A read request with one hostile parameter value (sometimes repeated). */
export function badRead(rng: Rng): BadRead {
  const route = pick(rng, Object.keys(READ_ROUTES));
  const parameters = READ_ROUTES[route];
  const category = pick(rng, HOSTILE_NAMES);
  const query = new Map<string, string[]>();
  for (const p of parameters) {
    if (p === REQUIRED[route] || rng() < 0.5) {
      if (GOOD[p]) query.set(p, [encodeURIComponent(GOOD[p])]);
    }
  }
  // A route without parameters gets an unknown one.
  const target = parameters.length
    ? pick(rng, parameters)
    : `x_${intBetween(rng, 0, 99)}`;
  const value = HOSTILE[category](rng);
  // Now and then the parameter twice: Express then hands the code an array.
  query.set(target, rng() < 0.1 ? [value, value] : [value]);
  const text = [...query.entries()]
    .flatMap(([k, vs]) => vs.map(v => `${k}=${v}`))
    .join('&');
  return { category, path: `/api/dora${route}${text ? `?${text}` : ''}` };
}

/** Each route with each parameter missing, as one fixed list. */
export function everyRouteBare(): BadRead[] {
  return Object.keys(READ_ROUTES).map(route => ({
    category: 'bare route',
    path: `/api/dora${route}`,
  }));
}

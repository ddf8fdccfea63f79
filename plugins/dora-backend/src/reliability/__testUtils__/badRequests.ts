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
import { badItem, deeplyNestedJson, Kind, toJson, validItem } from './badItems';

/**
 * Whole requests that are wrong before any item is looked at: not JSON, not
 * UTF-8, the wrong shape, too big. Each must answer a 4xx whose message
 * matches `message`. Item-level payloads (one defect per item) answer 200
 * and reject every item, naming the field.
 */
export type BadPayload = {
  category: string;
  kind: Kind;
  headers: Record<string, string>;
  body: Buffer;
} & (
  | { expect: 'request'; status: number[]; message: RegExp }
  | { expect: 'items'; fields: string[] }
);

const JSON_TYPE = { 'Content-Type': 'application/json' };
const json = (value: unknown) => Buffer.from(toJson(value), 'utf8');
const KINDS: Kind[] = ['deployments', 'changes', 'incidents'];

type RequestLevel = {
  expect: 'request';
  status: number[];
  message: RegExp;
  headers: Record<string, string>;
  body: Buffer;
};
type Maker = (rng: Rng, kind: Kind) => RequestLevel;

const request = (
  body: Buffer,
  status: number[],
  message: RegExp,
  headers: Record<string, string> = JSON_TYPE,
): RequestLevel => ({ expect: 'request', headers, body, status, message });

const NOT_JSON = [
  'not json',
  '{"deployments": [',
  "{'deployments': []}",
  '{"deployments": [1,]}',
  '{"a":1}}',
  '\u0000\u0001',
  '<xml/>',
  'NaN',
  '{"deployments": [{"id": undefined}]}',
];

const REQUEST_MAKERS: Record<string, Maker> = {
  'non-JSON': rng =>
    request(
      Buffer.from(
        `${pick(rng, NOT_JSON)}${'z'.repeat(intBetween(rng, 0, 50))}`,
        'utf8',
      ),
      [400],
      /^request body: not valid JSON/,
    ),
  'invalid UTF-8': (rng, kind) => {
    const good = JSON.stringify({ [kind]: [validItem(kind, 0)] });
    const cut = good.indexOf('"', good.indexOf(':') + 1) + 1;
    const bad = pick(rng, [
      [0xff],
      [0xc3, 0x28],
      [0xe2, 0x82],
      [0xed, 0xa0, 0x80],
      // Overlong encodings of '/' and NUL.
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xf0, 0x80, 0x80, 0xaf],
      [0xc0, 0x80],
    ]);
    return request(
      Buffer.concat([
        Buffer.from(good.slice(0, cut)),
        Buffer.from(bad),
        Buffer.from(good.slice(cut)),
      ]),
      [400],
      /^request body: not valid UTF-8/,
    );
  },
  'wrong top-level shape': (rng, kind) =>
    request(
      json(
        pick(rng, [
          [],
          [{ [kind]: [validItem(kind, 0)] }],
          42,
          'deployments',
          null,
          true,
          {},
          { [kind]: {} },
          { [kind]: 'x' },
          { [kind]: null },
          { [kind.toUpperCase()]: [validItem(kind, 0)] },
        ]),
      ),
      [400],
      new RegExp(`request/body|${kind}|must be a JSON object`),
    ),
  'empty batch': (_rng, kind) =>
    request(json({ [kind]: [] }), [400], new RegExp(`${kind}`)),
  'batch over 5000 items': (_rng, kind) =>
    request(
      json({ [kind]: Array(5001).fill(1) }),
      [400],
      new RegExp(`${kind} must NOT have more than 5000 items`),
    ),
  'unknown top-level field': (rng, kind) =>
    request(
      json({
        [kind]: [validItem(kind, 0)],
        [`x_${intBetween(rng, 0, 99)}`]: 1,
      }),
      [400],
      /x_\d+: unknown field|additional propert/,
    ),
  'deep nesting': rng =>
    request(
      Buffer.from(deeplyNestedJson(intBetween(rng, 100, 20_000)), 'utf8'),
      [400],
      /request\/body|must be/,
    ),
  'wrong content type': (rng, kind) =>
    request(
      json({ [kind]: [validItem(kind, 0)] }),
      [400, 415],
      /unsupported media type|request\/body|must have required/i,
      {
        'Content-Type': pick(rng, [
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/xml',
        ]),
      },
    ),
  'unsupported charset': (_rng, kind) =>
    request(
      json({ [kind]: [validItem(kind, 0)] }),
      [415],
      /unsupported charset/,
      { 'Content-Type': 'application/json; charset=latin1' },
    ),
  'broken gzip': (_rng, kind) =>
    request(json({ [kind]: [validItem(kind, 0)] }), [400], /./, {
      ...JSON_TYPE,
      'Content-Encoding': 'gzip',
    }),
};

/** An 11 MB body: the spec's limit is 10 MB. */
export function oversizePayload(kind: Kind): BadPayload {
  const body = Buffer.from(
    `{"${kind}":["${'x'.repeat(11 * 1024 * 1024)}"]}`,
    'utf8',
  );
  return {
    category: 'oversize body',
    kind,
    ...request(body, [413], /^request body: larger than the 10mb limit/),
  };
}

/** The `n`th of a reproducible stream of bad payloads; about a quarter request-level. */
export function badPayload(rng: Rng): BadPayload {
  const kind = pick(rng, KINDS);
  if (rng() < 0.25) {
    const category = pick(rng, Object.keys(REQUEST_MAKERS));
    return { category, kind, ...REQUEST_MAKERS[category](rng, kind) };
  }
  const items = Array.from({ length: intBetween(rng, 1, 5) }, () =>
    badItem(rng, kind),
  );
  return {
    category: `item: ${items[0].defect}`,
    kind,
    expect: 'items',
    headers: JSON_TYPE,
    body: json({ [kind]: items.map(i => i.item) }),
    fields: items.map(i => i.field),
  };
}

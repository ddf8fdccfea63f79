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
 * Items of the push API with exactly one defect each, and the field the
 * answer must name. One defect per item so that the expected reason is
 * known: validation reports the first problem it finds.
 */

export type Kind = 'deployments' | 'changes' | 'incidents';
export type BadItem = { item: unknown; field: string; defect: string };

const at = '2026-03-02T12:00:00Z';
const VALID: Record<Kind, () => Record<string, unknown>> = {
  deployments: () => ({
    source: 'ci',
    id: 'run-1',
    entityRef: 'component:default/checkout',
    environment: 'production',
    status: 'success',
    startedAt: '2026-03-02T11:50:00Z',
    finishedAt: at,
    sha: 'a1',
    commits: [{ sha: 'c1', committedAt: '2026-03-02T08:00:00+02:00' }],
    kind: 'planned',
    url: 'https://ci.example.com/runs/1',
  }),
  changes: () => ({
    source: 'git',
    repository: 'acme/checkout',
    sha: 'c1',
    committedAt: at,
    authoredAt: at,
    parents: ['c0'],
    pullRequest: { number: 42, createdAt: at, firstReviewAt: at, mergedAt: at },
  }),
  incidents: () => ({
    source: 'incident-bot',
    id: 'Q1',
    entityRef: 'component:default/checkout',
    title: 'Checkout 5xx',
    severity: 'sev2',
    startedAt: at,
    resolvedAt: '2026-03-02T13:00:00Z',
    causeSha: 'a1',
    url: 'https://pd.example.com/Q1',
  }),
};

type FieldType = 'text' | 'timestamp' | 'enum' | 'int' | 'list' | 'object';
type Field = {
  path: string;
  type: FieldType;
  max?: number;
  required?: boolean;
};

const FIELDS: Record<Kind, Field[]> = {
  deployments: [
    { path: 'source', type: 'text', max: 100, required: true },
    { path: 'id', type: 'text', max: 255, required: true },
    { path: 'entityRef', type: 'text', max: 400, required: true },
    { path: 'environment', type: 'text', max: 255, required: true },
    { path: 'status', type: 'enum', required: true },
    { path: 'startedAt', type: 'timestamp' },
    { path: 'finishedAt', type: 'timestamp', required: true },
    { path: 'sha', type: 'text', max: 255 },
    { path: 'commits', type: 'list' },
    { path: 'commits.0.sha', type: 'text', max: 255, required: true },
    { path: 'commits.0.committedAt', type: 'timestamp', required: true },
    { path: 'kind', type: 'enum' },
    { path: 'url', type: 'text', max: 2000 },
  ],
  changes: [
    { path: 'source', type: 'text', max: 100, required: true },
    { path: 'repository', type: 'text', max: 400, required: true },
    { path: 'sha', type: 'text', max: 255, required: true },
    { path: 'committedAt', type: 'timestamp', required: true },
    { path: 'authoredAt', type: 'timestamp' },
    { path: 'parents', type: 'list' },
    { path: 'parents.0', type: 'text', max: 255 },
    { path: 'pullRequest', type: 'object' },
    { path: 'pullRequest.number', type: 'int', required: true },
    { path: 'pullRequest.mergedAt', type: 'timestamp' },
  ],
  incidents: [
    { path: 'source', type: 'text', max: 100, required: true },
    { path: 'id', type: 'text', max: 255, required: true },
    { path: 'entityRef', type: 'text', max: 400, required: true },
    { path: 'title', type: 'text', max: 1000 },
    { path: 'severity', type: 'text', max: 100 },
    { path: 'startedAt', type: 'timestamp', required: true },
    { path: 'resolvedAt', type: 'timestamp' },
    { path: 'causeSha', type: 'text', max: 255 },
    { path: 'url', type: 'text', max: 2000 },
  ],
};

const NO_OFFSET = [
  '2026-03-02T12:00:00',
  '2026-03-02T12:00',
  '2026-03-02T12:00:00.123',
  '2026-03-02T12:00:00.123456',
];
const ABSURD_DATES = [
  '0000-01-01T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '2101-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-03-02T24:00:00Z',
  '2026-03-02T12:60:00Z',
  '2026-03-02T12:00:00+25:00',
  '+275760-09-13T00:00:00Z',
  '2026-03-02',
  '1700000000000',
  'yesterday',
  '2026-03-02T12:00:00ZZ',
  '2026-03-02 12:00:00Z',
];

function wrongValue(rng: Rng, type: FieldType): unknown {
  const byType: Record<FieldType, unknown[]> = {
    text: [42, -1.5, true, false, {}, { a: 1 }, [], ['x'], null],
    timestamp: [1700000000000, true, {}, ['2026-03-02T12:00:00Z']],
    enum: [1, true, null, {}, [], 'succeeded', 'SUCCESS ', 'canary', ''],
    int: ['42', 1.5, -3, 0, true, null, {}, 2 ** 53],
    list: ['c0', 7, { 0: 'c0' }, true, null],
    object: ['#42', 42, ['x'], true, null],
  };
  return pick(rng, byType[type]);
}

/**
 * JSON nested `depth` levels deep, as hostile clients send to blow stacks.
 * Built as text: JSON.stringify itself recurses and would overflow first.
 */
export function deeplyNestedJson(depth: number): string {
  const open = (i: number) => (i % 2 ? '[' : '{"a":');
  const close = (i: number) => (i % 2 ? ']' : '}');
  let head = '';
  let tail = '';
  for (let i = 0; i < depth; i++) {
    head += open(i);
    tail = close(i) + tail;
  }
  return `${head}"x"${tail}`;
}

const DEEP_MARKER = /"\\u0000deep(\d+)\\u0000"/g;

/** JSON of `value`, with each {@link deepValue} placeholder expanded. */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(DEEP_MARKER, (_m, depth) =>
    deeplyNestedJson(Number(depth)),
  );
}

/** A placeholder that {@link toJson} turns into a `depth`-deep value. */
const deepValue = (depth: number) => `\u0000deep${depth}\u0000`;

function setPath(target: Record<string, any>, path: string, value: unknown) {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = node[part];
  const last = parts[parts.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

type Defect = (
  rng: Rng,
  item: Record<string, any>,
  field: Field,
) => string | null;

// Each returns the field the answer must name, or null when it does not
// apply to `field` (the generator then picks again).
const DEFECTS: Record<string, Defect> = {
  'wrong type': (rng, item, f) => {
    const value = wrongValue(rng, f.type);
    // null is a valid "still open" for resolvedAt.
    if (value === null && f.path === 'resolvedAt') return null;
    setPath(item, f.path, value);
    return f.path;
  },
  'missing field': (_rng, item, f) => {
    if (!f.required) return null;
    setPath(item, f.path, undefined);
    return f.path;
  },
  'timestamp without offset': (rng, item, f) => {
    if (f.type !== 'timestamp') return null;
    setPath(item, f.path, pick(rng, NO_OFFSET));
    return f.path;
  },
  'absurd date': (rng, item, f) => {
    if (f.type !== 'timestamp') return null;
    setPath(item, f.path, pick(rng, ABSURD_DATES));
    return f.path;
  },
  'huge string': (rng, item, f) => {
    if (f.type !== 'text' && f.type !== 'timestamp') return null;
    // Mostly just over the limit; now and then a megabyte.
    const extra = rng() < 0.01 ? 1_000_000 : intBetween(rng, 1, 5_000);
    const length = (f.max ?? 40) + extra;
    setPath(item, f.path, 'x'.repeat(length));
    return f.path;
  },
  'empty string': (rng, item, f) => {
    if (f.type !== 'text') return null;
    setPath(item, f.path, pick(rng, ['', ' ', '\t\n']));
    return f.path;
  },
  'deep nesting': (rng, item, f) => {
    setPath(item, f.path, deepValue(intBetween(rng, 2, 5_000)));
    return f.path;
  },
  'unknown field': (rng, item, f) => {
    const key = `x_${intBetween(rng, 0, 1e6)}`;
    // Inside the field's parent object; an array (parents.0) cannot carry
    // one, JSON would drop it, so those go on the item.
    const path = f.path.split('.').slice(0, -1);
    const parent = path.reduce<any>((node, part) => node?.[part], item);
    const where =
      path.length && !Array.isArray(parent) ? `${path.join('.')}.` : '';
    setPath(item, `${where}${key}`, pick(rng, [1, 'v', null, {}]));
    return key;
  },
  'source with separator': (rng, item, f) => {
    if (f.path !== 'source') return null;
    setPath(item, 'source', pick(rng, ['ci:prod', 'ci prod', ':']));
    return 'source';
  },
  'inconsistent times': (_rng, item, f) => {
    if (f.path === 'startedAt' && 'finishedAt' in item) {
      item.startedAt = '2026-03-02T12:00:01Z';
      return 'startedAt';
    }
    if (f.path === 'resolvedAt') {
      item.resolvedAt = '2026-03-02T11:59:59Z';
      return 'resolvedAt';
    }
    return null;
  },
  // Stored by no database as sent: PostgreSQL refuses NUL, and a lone
  // surrogate cannot be encoded as UTF-8.
  'NUL character': (rng, item, f) => {
    if (f.type !== 'text' && f.type !== 'timestamp') return null;
    setPath(item, f.path, pick(rng, ['\u0000', 'x\u0000', 'a\u0000b']));
    return f.path;
  },
  'lone surrogate': (rng, item, f) => {
    if (f.type !== 'text' && f.type !== 'timestamp') return null;
    setPath(item, f.path, pick(rng, ['x\ud800', '\udc00', 'a\udbffb']));
    return f.path;
  },
  'hostile entityRef': (rng, item, f) => {
    if (f.path !== 'entityRef') return null;
    setPath(
      item,
      'entityRef',
      pick(rng, [
        'user:default/guest',
        'location:default/generated',
        'group:default/payments',
        'component:default/a b',
        'component:default/<img src=x>',
        `component:default/${'n'.repeat(64)}`,
        'component:default/',
      ]),
    );
    return 'entityRef';
  },
  'not an object': (_rng, item) => {
    for (const key of Object.keys(item)) delete item[key];
    return 'item';
  },
};
export const DEFECT_NAMES = Object.keys(DEFECTS);

/** One item of `kind` with one defect, and the field its rejection must name. */
export function badItem(rng: Rng, kind: Kind): BadItem {
  for (;;) {
    const item = VALID[kind]();
    const defect = pick(rng, DEFECT_NAMES);
    const field = pick(rng, FIELDS[kind]);
    const named = DEFECTS[defect](rng, item, field);
    if (named === null) continue;
    if (defect === 'not an object')
      return {
        item: pick(rng, [7, 'x', null, [item], true]),
        field: named,
        defect,
      };
    return { item, field: named, defect };
  }
}

/** A valid item of `kind` with a unique key, for the liveness check. */
export function validItem(kind: Kind, n: number) {
  const item = VALID[kind]();
  if (kind === 'changes') item.sha = `ok-${n}`;
  else item.id = `ok-${n}`;
  return item;
}

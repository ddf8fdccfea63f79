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

/**
 * Text no database stores as sent. PostgreSQL refuses NUL in text columns
 * (failing the whole batch) while SQLite and MySQL keep it; a lone UTF-16
 * surrogate cannot be encoded as UTF-8, so drivers either fail the statement
 * or store U+FFFD, which silently changes an id. Checking before the database
 * makes all three engines answer alike, one item at a time.
 */
// eslint-disable-next-line no-control-regex -- NUL is what it looks for
const NUL = /\u0000/;
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): string | null {
  if (NUL.test(text)) return 'contains a NUL character';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate';
  return null;
}

/**
 * `path: reason` for the first string in `value` (at any depth, keys
 * included) that cannot be stored, or null when every string can. Walks
 * with its own stack: a hostile item may be nested thousands deep.
 */
export function unstorableText(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      const problem = problemOf(node);
      if (problem) return `${path || 'item'}: ${problem}`;
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const isArray = Array.isArray(node);
    const entries = isArray
      ? node.map((v, i) => [String(i), v] as const)
      : Object.entries(node);
    for (const [key] of entries) {
      const keyProblem = isArray ? null : problemOf(key);
      if (keyProblem) return `${path || 'item'}: a field name ${keyProblem}`;
    }
    // Reversed, so that the first field is looked at first.
    for (const [key, inner] of [...entries].reverse()) {
      stack.push([inner, path ? `${path}.${key}` : key]);
    }
  }
  return null;
}

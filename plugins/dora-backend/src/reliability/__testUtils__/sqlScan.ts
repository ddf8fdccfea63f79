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
 * Finds raw SQL (knex.raw, whereRaw, orderByRaw, ...) whose SQL argument is
 * not one constant string: a template literal with `${}`, a concatenation,
 * or a variable. Values must go in as bindings (`?`, `??`) instead.
 */
const RAW_CALL =
  /\b(raw|whereRaw|orWhereRaw|andWhereRaw|havingRaw|orHavingRaw|orderByRaw|groupByRaw|joinRaw|fromRaw)\s*\(\s*/g;

/** The index just past the string literal starting at `start`, or -1. */
function endOfLiteral(text: string, start: number): number {
  const quote = text[start];
  if (!`'"\``.includes(quote)) return -1;
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (quote === '`' && text.startsWith('${', i)) return -1;
    else if (text[i] === quote) return i + 1;
  }
  return -1;
}

/** `file:line: code` for every raw SQL call whose SQL is not a constant string. */
export function unboundRawCalls(fileName: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(RAW_CALL)) {
    const argument = match.index! + match[0].length;
    const end = endOfLiteral(text, argument);
    // A constant string, followed by the end of the call or its bindings.
    const constant = end > 0 && /^\s*[,)]/.test(text.slice(end));
    if (!constant) {
      const line = text.slice(0, match.index).split('\n').length;
      const code = text.slice(match.index, match.index! + 100).split('\n')[0];
      found.push(`${fileName}:${line}: ${code}`);
    }
  }
  return found;
}

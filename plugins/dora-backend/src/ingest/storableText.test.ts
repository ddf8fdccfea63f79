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

import { deeplyNestedJson } from '../reliability/__testUtils__/badItems';
import { unstorableText } from './storableText';

describe('unstorableText', () => {
  it('names the first field holding NUL or a lone surrogate, at any depth', () => {
    expect(unstorableText({ id: 'ok', url: 'x\u0000' })).toBe(
      'url: contains a NUL character',
    );
    expect(unstorableText({ commits: [{ sha: 'c' }, { sha: '\udc00' }] })).toBe(
      'commits.1.sha: contains a lone UTF-16 surrogate',
    );
    expect(unstorableText({ a: 'x\ud800', b: '\u0000' })).toBe(
      'a: contains a lone UTF-16 surrogate',
    );
    expect(unstorableText({ 'k\u0000': 1 })).toBe(
      'item: a field name contains a NUL character',
    );
    expect(unstorableText('\u0000')).toBe('item: contains a NUL character');
  });

  it('accepts well-formed text, pairs (emoji) included', () => {
    expect(unstorableText({ id: 'rocket-\u{1F680}', n: 1, x: null })).toBe(
      null,
    );
  });

  it('walks values nested far deeper than the call stack allows', () => {
    const deep = JSON.parse(deeplyNestedJson(200_000));
    expect(unstorableText({ id: deep })).toBe(null);
  });
});

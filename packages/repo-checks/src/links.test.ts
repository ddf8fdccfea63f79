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

import path from 'node:path';
import { anchorsOf, brokenLinks, headingAnchor } from './links';
import { documentationFiles, repoRoot } from './repo';

describe('relative links of the READMEs and docs/', () => {
  it.each(documentationFiles().map(f => [path.relative(repoRoot, f), f]))(
    '%s points to files and headings that exist',
    (_name, file) => {
      expect(brokenLinks(file)).toEqual([]);
    },
  );

  it('computes anchors as GitHub does', () => {
    expect(headingAnchor("Scores against DORA's 2025 benchmarks")).toBe(
      'scores-against-doras-2025-benchmarks',
    );
    expect(headingAnchor('`dora.timeZone`')).toBe('doratimezone');
    expect(headingAnchor('Bands (2023 thresholds)')).toBe(
      'bands-2023-thresholds',
    );
    expect([...anchorsOf('# A\n## A\n```\n# not a heading\n```\n')]).toEqual([
      'a',
      'a-1',
    ]);
  });

  it('reports links to missing files and headings', () => {
    const readme = path.join(repoRoot, 'README.md');
    const text = [
      '[ok](docs/metrics.md#worked-example)',
      '[no file](docs/nothing.md)',
      '[no heading](docs/metrics.md#no-such-heading)',
      '```md\n[in code](ignored.md)\n```',
    ].join('\n');
    expect(brokenLinks(readme, text)).toEqual([
      { file: readme, target: 'docs/nothing.md', reason: 'no such file' },
      {
        file: readme,
        target: 'docs/metrics.md#no-such-heading',
        reason: 'no such heading',
      },
    ]);
  });
});

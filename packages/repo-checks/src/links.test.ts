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

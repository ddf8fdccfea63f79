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

import fs from 'node:fs';
import path from 'node:path';
import { codeBlocks, documentationFiles, repoRoot } from './repo';
import { parse } from 'yaml';
import {
  checkYamlBlock,
  ConfigContext,
  declaredOptions,
  loadConfigContext,
  setPaths,
  SnippetKind,
} from './snippets';

const blocks = documentationFiles().flatMap(file =>
  codeBlocks(fs.readFileSync(file, 'utf8'), path.relative(repoRoot, file), [
    'yaml',
    'yml',
  ]),
);

describe('YAML blocks of the READMEs and docs/', () => {
  let config: ConfigContext;
  const kinds = new Map<string, SnippetKind[]>();

  beforeAll(async () => {
    config = await loadConfigContext();
  }, 180_000);

  it.each(blocks.map(b => [`${b.file}:${b.line}`, b] as const))(
    '%s is valid',
    async (_name, block) => {
      const found = await checkYamlBlock(block, config);
      expect(found.length).toBeGreaterThan(0);
      kinds.set(`${block.file}:${block.line}`, found);
    },
  );

  it('finds the configuration and entity examples', () => {
    const all = [...kinds.values()].flat();
    expect(all).toContain('app-config');
    expect(all).toContain('entity');
    const backend = [...kinds.entries()].filter(([name]) =>
      name.startsWith('plugins/dora-backend/README.md:'),
    );
    expect(backend.length).toBeGreaterThan(3);
  });

  it('shows every dora.* option of the backend in its README', () => {
    const shown = new Set(
      blocks
        .filter(b => b.file === 'plugins/dora-backend/README.md')
        .flatMap(b => setPaths(parse(b.text))),
    );
    const declared = declaredOptions(
      config,
      '@dora-metrics/plugin-dora-backend',
      'dora',
    ).filter(option => !option.startsWith('dora.demo'));
    expect(declared.length).toBeGreaterThan(10);
    expect(declared.filter(option => !shown.has(option))).toEqual([]);
  });

  describe('rejects', () => {
    const block = (text: string) => ({
      file: 'inline.md',
      line: 1,
      lang: 'yaml',
      text,
    });

    it('YAML that does not parse', async () => {
      await expect(
        checkYamlBlock(block('events:\n  a: { b: [ c }\n'), config),
      ).rejects.toThrow(/does not parse/);
    });

    it('a plugin option of the wrong type', async () => {
      await expect(
        checkYamlBlock(
          block('dora:\n  reports:\n    cacheMiB: lots\n'),
          config,
        ),
      ).rejects.toThrow(/cacheMiB/);
    });

    it('a misspelt plugin option', async () => {
      await expect(
        checkYamlBlock(block('dora:\n  timezone: UTC\n'), config),
      ).rejects.toThrow(/timezone/);
    });

    it('an entity the catalog would refuse', async () => {
      await expect(
        checkYamlBlock(
          block(
            'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: not a name\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n',
          ),
          config,
        ),
      ).rejects.toThrow(/name/);
    });
  });
});

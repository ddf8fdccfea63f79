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
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { parse } from 'yaml';
import doraPlugin from './alpha';
import * as legacyExports from './index';

// The README's wiring instructions, checked against what the package exports.
const readme = fs.readFileSync(
  path.resolve(__dirname, '..', 'README.md'),
  'utf8',
);

function blocks(lang: string, text = readme): string[] {
  const fence = new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\``, 'gm');
  return [...text.matchAll(fence)].map(m => m[1]);
}

const legacySection = readme.slice(
  readme.indexOf('### Legacy frontend system'),
  readme.indexOf('## Configure'),
);

type ExtensionEntry = Record<string, boolean | { config?: object }>;

const extensionEntries = blocks('yaml').flatMap(
  text => (parse(text)?.app?.extensions ?? []) as ExtensionEntry[],
);

describe('plugins/dora/README.md', () => {
  it('lists every extension of the new frontend system plugin', () => {
    const documented = [
      ...readme.matchAll(/^\| `([a-z-]+:dora(?:\/[a-z-]+)?)`/gm),
    ].map(m => m[1]);
    const internal = doraPlugin as unknown as {
      extensions: readonly { id: string }[];
    };
    expect(documented.sort()).toEqual(
      internal.extensions.map(e => e.id).sort(),
    );
  });

  it('configures extensions that exist, with valid config', () => {
    const configured = extensionEntries.flatMap(entry => Object.entries(entry));
    expect(configured.length).toBeGreaterThan(0);
    // Turning an extension off needs it to exist; configuring it, valid config.
    const build = ([id, value]: [string, boolean | { config?: object }]) => {
      const extension = doraPlugin.getExtension(id as any);
      return typeof value === 'object'
        ? createExtensionTester(extension, {
            config: value.config as any,
          }).snapshot()
        : extension;
    };
    for (const entry of configured) {
      expect(() => build(entry)).not.toThrow();
    }
  });

  it('rejects an extension config of the wrong type', () => {
    expect(() =>
      createExtensionTester(
        doraPlugin.getExtension('entity-content:dora/metrics'),
        { config: { title: 5 } as any },
      ).snapshot(),
    ).toThrow(/title/);
  });

  it('imports only what the package exports, and shows every legacy component', () => {
    const imported = blocks('tsx')
      .flatMap(text => [
        ...text.matchAll(
          /import \{([^}]*)\} from '@dora-metrics\/plugin-dora';/g,
        ),
      ])
      .flatMap(m => m[1].split(',').map(name => name.trim()))
      .filter(Boolean);
    const exported = Object.keys(legacyExports);
    expect(exported).toEqual(expect.arrayContaining(imported));
    // Every component and filter export is either wired in a snippet or
    // named in the text.
    for (const name of exported) {
      expect(readme).toContain(name);
    }
    expect(imported).toEqual(
      expect.arrayContaining([
        'EntityDoraCard',
        'EntityDoraContent',
        'GroupDoraCard',
        'GroupDoraContent',
        'EntityDoraTemplateCard',
        'DoraTemplateReportPage',
      ]),
    );
  });

  it('shows only lines that the type-checked legacy app holds', () => {
    const app = fs.readFileSync(
      path.resolve(__dirname, '__testUtils__/legacyApp.tsx'),
      'utf8',
    );
    const appLines = new Set(app.split('\n').map(line => line.trim()));
    const shown = blocks('tsx', legacySection)
      // Imports from this package are checked against its exports above.
      .map(text => text.replace(/import \{[^}]*\} from '[^']*';/g, ''))
      .flatMap(text => text.split('\n'))
      .map(line => line.trim())
      .filter(line => line && !line.startsWith('//'));
    expect(shown.length).toBeGreaterThan(20);
    expect(shown.filter(line => !appLines.has(line))).toEqual([]);
  });
});

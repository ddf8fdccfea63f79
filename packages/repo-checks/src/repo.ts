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

/** The nearest directory at or above `from` whose package.json has workspaces. */
export function findRepoRoot(from = process.cwd()): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (
      fs.existsSync(pkg) &&
      JSON.parse(fs.readFileSync(pkg, 'utf8')).workspaces
    ) {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`no workspace root at or above ${from}`);
    }
  }
}

/** The repository root. */
export const repoRoot = findRepoRoot();

const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  '.tools',
  '.yarn',
  'dist',
  'dist-types',
]);

/**
 * The `package.json` of every workspace package, from the root package's
 * `workspaces` patterns, so that a package added later is covered too.
 */
export function workspacePackageJsonPaths(root = repoRoot): string[] {
  const rootPkg = JSON.parse(
    fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
  );
  const patterns: string[] = Array.isArray(rootPkg.workspaces)
    ? rootPkg.workspaces
    : rootPkg.workspaces?.packages ?? [];
  const dirs = patterns.flatMap(pattern => {
    if (pattern.endsWith('/*') && !pattern.slice(0, -2).includes('*')) {
      const parent = path.join(root, pattern.slice(0, -2));
      return fs.existsSync(parent)
        ? fs
            .readdirSync(parent, { withFileTypes: true })
            .filter(e => e.isDirectory())
            .map(e => path.join(parent, e.name))
        : [];
    }
    if (pattern.includes('*')) {
      throw new Error(`workspace pattern '${pattern}' is not supported here`);
    }
    return [path.join(root, pattern)];
  });
  return dirs
    .map(dir => path.join(dir, 'package.json'))
    .filter(file => fs.existsSync(file))
    .sort();
}

/** Every `README.md` of the repository, and every `.md` file in a `docs/` folder. */
export function documentationFiles(root = repoRoot): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full);
      } else if (
        entry.name === 'README.md' ||
        (entry.name.endsWith('.md') && path.basename(dir) === 'docs')
      ) {
        found.push(full);
      }
    }
  };
  walk(root);
  return found.sort();
}

/** A fenced code block of a Markdown file. */
export type CodeBlock = {
  /** Path relative to the repository root. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  text: string;
};

/** The fenced code blocks of a Markdown text whose language is one of `langs`. */
export function codeBlocks(
  markdown: string,
  file: string,
  langs: readonly string[],
): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (lines[j].trim().startsWith(fence) && lines[j].trim() === fence) break;
      body.push(
        lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j],
      );
    }
    if (langs.includes(lang.toLowerCase())) {
      blocks.push({ file, line: i + 1, lang, text: body.join('\n') });
    }
    i = j;
  }
  return blocks;
}

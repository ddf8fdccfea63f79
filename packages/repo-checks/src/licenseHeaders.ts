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

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo';

/** The source files that carry the licence header. */
const SOURCE_FILE = /\.(ts|tsx|js|cjs|mjs)$/;

/**
 * Not the project's own source: Yarn's checked-in release, and the files a
 * scaffolder template writes into its users' new repositories.
 */
const NOT_OURS = ['.yarn/', 'examples/template/content/'];

/** The Apache-2.0 header every source file opens with (after a shebang). */
export const LICENSE_HEADER = fs.readFileSync(
  path.join(repoRoot, 'scripts/license-header.txt'),
  'utf8',
);

/** Whether a file's text opens with the header (after a `#!` line, if any). */
export function hasLicenseHeader(text: string): boolean {
  const body = text.startsWith('#!')
    ? text.slice(text.indexOf('\n') + 1)
    : text;
  return body.startsWith(LICENSE_HEADER);
}

/** The source files git tracks (or would add) that lack the header. */
export function filesWithoutLicenseHeader(root = repoRoot): string[] {
  return execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard'],
    { cwd: root, encoding: 'utf8' },
  )
    .split('\n')
    .filter(
      file =>
        SOURCE_FILE.test(file) &&
        !NOT_OURS.some(prefix => file.startsWith(prefix)) &&
        fs.existsSync(path.join(root, file)) &&
        !hasLicenseHeader(fs.readFileSync(path.join(root, file), 'utf8')),
    )
    .sort();
}

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

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unboundRawCalls } from './__testUtils__/sqlScan';

/**
 * SQL only through knex bindings: every raw SQL fragment in the plugin's
 * source and migrations is a constant string, values go in as bindings.
 */

const PACKAGE_ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('SQL only through knex bindings', () => {
  it('finds interpolated, concatenated and variable SQL (the check itself works)', () => {
    const bad = [
      'db.raw(`select * from t where id = ${id}`);',
      "q.whereRaw('name = ' + name);",
      'q.orderByRaw(column);',
      "db.raw(\n  'a' +\n  b)",
    ].join('\n');
    expect(unboundRawCalls('sample.ts', bad)).toHaveLength(4);
    const good = [
      "db.raw('?', [type]);",
      'q.whereRaw("owner_chain LIKE ? ESCAPE \'!\'", [pattern]);',
      'q.whereRaw(`a.event_id = e.id`);',
      "db.raw('it\\'s ?', [x])",
      "knex.raw(\n  'coalesce(??, ??)',\n  ['a', 'b'],\n)",
    ].join('\n');
    expect(unboundRawCalls('sample.ts', good)).toEqual([]);
  });

  it('has no raw SQL built from values in src/ or migrations/', () => {
    const files = [
      ...sourceFiles(join(PACKAGE_ROOT, 'src')),
      ...sourceFiles(join(PACKAGE_ROOT, 'migrations')),
      // The scanner and this file hold samples in strings, not SQL.
    ].filter(file => !/sqlScan|sqlBindings\.test/.test(file));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap(file =>
      unboundRawCalls(relative(PACKAGE_ROOT, file), readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

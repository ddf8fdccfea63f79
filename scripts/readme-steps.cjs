#!/usr/bin/env node
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

// Applies the install steps of plugin READMEs to an app, so that what the
// READMEs tell an adopter is exactly what scripts/adopt.sh tests.
//
// usage: node scripts/readme-steps.cjs APP_DIR README.md...
//
// A step is a fenced code block right after a marker comment:
//   <!-- adopt:step run -->                       bash runs the block in APP_DIR
//   <!-- adopt:step append="FILE" -->             the block is appended to FILE
//   <!-- adopt:step insert-before="TEXT" file="FILE" -->
//                                                 the block goes above the first
//                                                 line of FILE containing TEXT
// FILE is relative to APP_DIR. Steps run in the order of the arguments, then
// of the README. A README without any step is an error: a marker lost in an
// edit must not silently skip the install.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const [appDir, ...readmes] = process.argv.slice(2);
if (!appDir || readmes.length === 0) {
  console.error('usage: node scripts/readme-steps.cjs APP_DIR README.md...');
  process.exit(2);
}

function parseSteps(file) {
  const text = fs.readFileSync(file, 'utf8');
  const marker =
    /<!--\s*adopt:step\s+(.*?)\s*-->\s*\n(?:\s*\n)*```(\w*)\n([\s\S]*?)\n```/g;
  const steps = [];
  for (const m of text.matchAll(marker)) {
    const attrs = {};
    for (const a of m[1].matchAll(/([\w-]+)(?:="([^"]*)")?/g)) {
      attrs[a[1]] = a[2] ?? true;
    }
    const line = text.slice(0, m.index).split('\n').length;
    steps.push({ where: `${file}:${line}`, attrs, lang: m[2], body: m[3] });
  }
  return steps;
}

function fail(step, message) {
  console.error(`ERROR: ${step.where}: ${message}`);
  process.exit(1);
}

for (const readme of readmes) {
  const steps = parseSteps(readme);
  if (steps.length === 0) {
    console.error(`ERROR: ${readme} has no <!-- adopt:step --> block`);
    process.exit(1);
  }
  for (const step of steps) {
    const { attrs, body } = step;
    if (attrs.run) {
      console.log(`--- ${step.where}: run\n${body}`);
      const r = spawnSync('bash', ['-euo', 'pipefail', '-c', body], {
        cwd: appDir,
        stdio: 'inherit',
      });
      if (r.status !== 0) fail(step, `the block exited with ${r.status}`);
    } else if (attrs.append) {
      console.log(`--- ${step.where}: append to ${attrs.append}`);
      fs.appendFileSync(path.join(appDir, attrs.append), `${body}\n`);
    } else if (attrs['insert-before'] && attrs.file) {
      console.log(
        `--- ${step.where}: insert into ${attrs.file} before "${attrs['insert-before']}"`,
      );
      const target = path.join(appDir, attrs.file);
      const lines = fs.readFileSync(target, 'utf8').split('\n');
      const at = lines.findIndex(l => l.includes(attrs['insert-before']));
      if (at < 0)
        fail(step, `"${attrs['insert-before']}" not in ${attrs.file}`);
      lines.splice(at, 0, ...body.split('\n'), '');
      fs.writeFileSync(target, lines.join('\n'));
    } else {
      fail(step, `unknown step attributes ${JSON.stringify(attrs)}`);
    }
  }
}

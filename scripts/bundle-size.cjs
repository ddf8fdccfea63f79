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

/* eslint-disable no-console */
// Builds the DORA frontend plugin and prints the size of what an app pulls
// in: every JavaScript chunk of its dist/, raw and gzipped, so that later
// changes can be compared. Dependencies (React, MUI, recharts) are not
// bundled into the plugin and are not counted.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const pluginDir = path.resolve(__dirname, '../plugins/dora');
execFileSync('yarn', ['backstage-cli', 'package', 'build'], {
  cwd: pluginDir,
  stdio: ['ignore', 'ignore', 'inherit'],
});

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(m?js)$/.test(e.name) && !e.name.endsWith('.map') ? [p] : [];
  });
}

const chunks = files(path.join(pluginDir, 'dist'));
let raw = 0;
let gzip = 0;
for (const file of chunks) {
  const content = fs.readFileSync(file);
  raw += content.length;
  gzip += zlib.gzipSync(content, { level: 9 }).length;
}
const kb = n => `${(n / 1024).toFixed(1)} KiB`;
console.log('DORA frontend plugin bundle (@dora-metrics/plugin-dora dist/)');
console.log(`  files          ${chunks.length}`);
console.log(`  raw            ${kb(raw)}`);
console.log(`  gzip -9        ${kb(gzip)}`);

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

// Fails when an @dora-metrics package in an app's yarn.lock resolves one of
// its @backstage dependencies to a version that nothing else in the app uses
// while the app has that package at another version: a second copy, which
// means the package's range is not aligned with the app's Backstage release.
//
// usage: node e2e-tests/adopt/check-copies.cjs APP/yarn.lock
'use strict';

const fs = require('fs');
const { parse } = require('yaml');

const lock = parse(fs.readFileSync(process.argv[2], 'utf8'));
const byDescriptor = new Map();
const entries = [];
for (const [key, entry] of Object.entries(lock)) {
  if (key === '__metadata') continue;
  entries.push(entry);
  for (const d of key.split(', ')) byDescriptor.set(d.trim(), entry);
}
const nameOf = entry =>
  entry.resolution.slice(0, entry.resolution.indexOf('@', 1));
const isOurs = entry => nameOf(entry).startsWith('@dora-metrics/');

// name -> Set of versions that packages other than ours resolve it to
const usedByApp = new Map();
for (const entry of entries.filter(e => !isOurs(e))) {
  for (const [dep, range] of Object.entries(entry.dependencies ?? {})) {
    const target = byDescriptor.get(`${dep}@${range}`);
    if (!target) continue;
    if (!usedByApp.has(dep)) usedByApp.set(dep, new Set());
    usedByApp.get(dep).add(target.version);
  }
}

let extra = 0;
for (const entry of entries.filter(isOurs)) {
  for (const [dep, range] of Object.entries(entry.dependencies ?? {})) {
    if (!dep.startsWith('@backstage/')) continue;
    const version = byDescriptor.get(`${dep}@${range}`)?.version;
    const app = usedByApp.get(dep);
    if (!app || app.has(version)) continue;
    extra++;
    console.error(
      `  ${nameOf(entry)} wants ${dep}@${range} -> ${version}; the app uses ${[
        ...app,
      ].join(', ')}`,
    );
  }
}
if (extra) process.exit(1);
console.log(
  '  every @backstage dependency of the @dora-metrics packages is shared with the app',
);

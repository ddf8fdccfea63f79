#!/usr/bin/env node
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

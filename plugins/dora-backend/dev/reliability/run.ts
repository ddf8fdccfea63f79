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

import { rmSync } from 'node:fs';
import { BackendProcess } from './backendProcess';
import { crashMidBatch, databaseOutage } from './crash';
import { PrivatePostgres } from './privatePostgres';
import { twoReplicas } from './replicas';

/**
 * The process-level reliability tests (`yarn test:reliability` runs them
 * after the Jest suites): a private PostgreSQL, real backend processes,
 * SIGKILL, a database crash, two replicas. Exits non-zero on any failure.
 */
async function main() {
  const only = process.argv.slice(2);
  const scenarios: [string, (pg: PrivatePostgres) => Promise<void>][] = [
    ['crash', crashMidBatch],
    ['outage', databaseOutage],
    ['replicas', twoReplicas],
  ];
  const pg = await PrivatePostgres.create();
  process.stdout.write(
    `[reliability] private PostgreSQL on 127.0.0.1:${pg.port} (${pg.dataDir})\n`,
  );
  let failed = 0;
  try {
    for (const [name, scenario] of scenarios) {
      if (only.length && !only.includes(name)) continue;
      const started = Date.now();
      try {
        await scenario(pg);
        process.stdout.write(
          `[reliability] ${name}: passed in ${Math.round(
            (Date.now() - started) / 1000,
          )} s\n`,
        );
      } catch (error) {
        failed++;
        process.stdout.write(
          `[reliability] ${name}: FAILED: ${(error as Error).stack ?? error}\n`,
        );
      }
    }
  } finally {
    pg.destroy();
  }
  // Keep the backends' logs only when they can explain a failure.
  for (const dir of BackendProcess.workDirs) {
    if (failed)
      process.stdout.write(`[reliability] backend log kept: ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch(error => {
  process.stdout.write(`[reliability] FAILED: ${error?.stack ?? error}\n`);
  process.exit(1);
});

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

import { appendFileSync } from 'node:fs';

/**
 * Prints one part's figures on a line of its own (Jest would decorate a
 * console.log with a stack), and appends them as JSON to the file named by
 * DORA_RELIABILITY_REPORT, from which `yarn test:reliability` prints a summary.
 */
export function printFigures(
  part: string,
  figures: Record<string, number | string>,
) {
  const text = Object.entries(figures)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  process.stdout.write(`\n[reliability] ${part}: ${text}\n`);
  const file = process.env.DORA_RELIABILITY_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify({ part, ...figures })}\n`);
}

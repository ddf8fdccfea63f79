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

/** The organisations the benchmark generates (issue #5, "Scale: a benchmark"). */
export type BenchSize = {
  name: 'small' | 'large';
  services: number;
  /** Groups per level, root first: the root level has one group. */
  groupLevels: number[];
  templates: number;
  days: number;
  deployments: number;
  commits: number;
  incidents: number;
};

const DAY_MS = 86_400_000;

/** The history ends here: fixed, so that a seed gives the same data every run. */
export const END = Date.parse('2026-11-02T00:00:00Z');

export const SIZES: Record<BenchSize['name'], BenchSize> = {
  // One year scaled down so that it loads in about two minutes on 2 cores.
  small: {
    name: 'small',
    services: 200,
    groupLevels: [1, 4, 16],
    templates: 6,
    days: 365,
    deployments: 20_000,
    commits: 100_000,
    incidents: 800,
  },
  // The large organisation (generated streaming; not run in CI).
  large: {
    name: 'large',
    services: 5_000,
    groupLevels: [1, 10, 60, 729],
    templates: 60,
    days: 730,
    deployments: 1_000_000,
    commits: 5_000_000,
    incidents: 40_000,
  },
};

/** The measured window: the last year of the history, `[END - 365 d, END)`. */
export const WINDOW = { from: END - 365 * DAY_MS, to: END };

export function historyStart(size: BenchSize) {
  return END - size.days * DAY_MS;
}

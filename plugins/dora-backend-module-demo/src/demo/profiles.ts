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

import type { DemoProfile } from './generateDemoHistory';

export type Range = readonly [number, number];

export type Profile = {
  commitsPerWorkday: Range;
  /** Set for profiles that ship the head straight away, several times a day. */
  deploysPerWorkday?: Range;
  /** Otherwise a release is cut after `restDays` and soaks `soakDays` before production. */
  restDays: Range;
  soakDays: Range;
  /**
   * Production deployments per release, one region after another on the same
   * day. Slow teams still need enough deployments in a 90 day window for a
   * failure rate between 10 and 15 % to be possible at all.
   */
  waves: Range;
  failureRate: Range;
  incidentDelayHours: Range;
  restoreHours: Range;
  rollbackHours: Range;
  rollbackShare: number;
  hotfixShare: number;
  /** Scale of the pull-request stages (coding, pickup, review). */
  reviewHours: Range;
  stagingChance: number;
  failedRunChance: number;
};

/**
 * Tuned against the band table in metrics.md, so that a profile's services land
 * in that band on the four banded metrics over a 90 or 180 day window, give or
 * take the odd window where chance says otherwise.
 */
export const PROFILES: Record<DemoProfile, Profile> = {
  elite: {
    commitsPerWorkday: [5, 12],
    deploysPerWorkday: [2, 5],
    restDays: [0, 0],
    soakDays: [0, 0],
    waves: [1, 1],
    failureRate: [0.02, 0.04],
    incidentDelayHours: [0.05, 0.25],
    restoreHours: [0.3, 0.6],
    rollbackHours: [0.2, 0.7],
    rollbackShare: 0.4,
    hotfixShare: 0.6,
    reviewHours: [0.5, 4],
    stagingChance: 0.3,
    failedRunChance: 0.05,
  },
  high: {
    commitsPerWorkday: [3, 7],
    restDays: [0, 2],
    soakDays: [0.5, 1.3],
    waves: [1, 1],
    failureRate: [0.05, 0.07],
    incidentDelayHours: [0.5, 4],
    restoreHours: [1, 12],
    rollbackHours: [1, 8],
    rollbackShare: 0.3,
    hotfixShare: 0.5,
    reviewHours: [2, 24],
    stagingChance: 0.8,
    failedRunChance: 0.08,
  },
  medium: {
    commitsPerWorkday: [2, 5],
    restDays: [10, 16],
    soakDays: [3, 6],
    waves: [3, 4],
    failureRate: [0.105, 0.125],
    incidentDelayHours: [2, 24],
    restoreHours: [24, 110],
    rollbackHours: [26, 100],
    rollbackShare: 0.3,
    hotfixShare: 0.4,
    reviewHours: [8, 72],
    stagingChance: 1,
    failedRunChance: 0.12,
  },
  low: {
    commitsPerWorkday: [1, 3],
    restDays: [40, 55],
    soakDays: [14, 28],
    waves: [2, 3],
    failureRate: [0.25, 0.4],
    incidentDelayHours: [4, 72],
    restoreHours: [7.5 * 24, 14 * 24],
    rollbackHours: [8 * 24, 14 * 24],
    rollbackShare: 0.2,
    // A hotfix ships the whole main line, which would hide the long lead time.
    hotfixShare: 0.15,
    reviewHours: [24, 120],
    stagingChance: 1,
    failedRunChance: 0.2,
  },
};

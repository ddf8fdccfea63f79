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

import type { components } from './schema/openapi.generated';

/** DORA performance bands, best first. @public */
export type Band = components['schemas']['Band'];

/** @public */
export const BANDS: readonly Band[] = ['elite', 'high', 'medium', 'low'];

/**
 * Band thresholds (DevLake's "2023" set), as openapi.yaml describes them.
 * @public
 */
export type BandThresholds = components['schemas']['BandThresholds'];

/** @public */
export const DEFAULT_BAND_THRESHOLDS: BandThresholds = {
  deploymentFrequency: { elite: 5, high: 1 },
  deploymentDaysPerMonthMedium: 1,
  leadTimeHours: { elite: 24, high: 24 * 7, medium: 24 * 30 },
  changeFailureRate: { elite: 0.05, high: 0.1, medium: 0.15 },
  recoveryTimeHours: { elite: 1, high: 24, medium: 24 * 7 },
};

function below(
  value: number | null,
  t: { elite: number; high: number; medium: number },
): Band | null {
  if (value === null) return null;
  if (value < t.elite) return 'elite';
  if (value < t.high) return 'high';
  if (value < t.medium) return 'medium';
  return 'low';
}

/** @public */
export function leadTimeBand(
  medianHours: number | null,
  t: BandThresholds = DEFAULT_BAND_THRESHOLDS,
): Band | null {
  return below(medianHours, t.leadTimeHours);
}

/** @public */
export function recoveryTimeBand(
  medianHours: number | null,
  t: BandThresholds = DEFAULT_BAND_THRESHOLDS,
): Band | null {
  return below(medianHours, t.recoveryTimeHours);
}

/** @public */
export function changeFailureRateBand(
  rate: number | null,
  t: BandThresholds = DEFAULT_BAND_THRESHOLDS,
): Band | null {
  if (rate === null) return null;
  const c = t.changeFailureRate;
  if (rate <= c.elite) return 'elite';
  if (rate <= c.high) return 'high';
  if (rate <= c.medium) return 'medium';
  return 'low';
}

/** @public */
export function deploymentFrequencyBand(
  medianDaysPerWeek: number | null,
  medianDaysPerMonth: number | null,
  t: BandThresholds = DEFAULT_BAND_THRESHOLDS,
): Band | null {
  if (medianDaysPerWeek === null) return null;
  if (medianDaysPerWeek >= t.deploymentFrequency.elite) return 'elite';
  if (medianDaysPerWeek >= t.deploymentFrequency.high) return 'high';
  if ((medianDaysPerMonth ?? 0) >= t.deploymentDaysPerMonthMedium) {
    return 'medium';
  }
  return 'low';
}

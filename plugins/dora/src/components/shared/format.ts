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

/** Hours as a short human duration: "45 min", "14 h", "2.5 d", "3.1 wk". */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '–';
  // 0.999 h rounds to 60 min: show it as an hour.
  if (Math.round(hours * 60) < 60) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${round(hours)} h`;
  if (hours < 24 * 14) return `${round(hours / 24)} d`;
  return `${round(hours / (24 * 7))} wk`;
}

/** A 0..1 rate as a percentage: "50 %". */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '–';
  return `${round(rate * 100)} %`;
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return String(round(value));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

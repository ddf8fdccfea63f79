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

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;

// Events from before version control was common, or from the far future, are
// typos or unit mistakes (seconds for milliseconds), not history.
const EARLIEST_YEAR = 1970;
const LATEST_YEAR = 2100;

/**
 * Parses an ISO 8601 date-time that must carry an offset. Returns epoch
 * milliseconds, or a reason it is refused.
 */
export function parseTimestamp(value: string): number | { error: string } {
  const match = ISO_DATE_TIME.exec(value);
  if (!match)
    return { error: 'not an ISO 8601 date-time (e.g. 2026-03-02T12:00:00Z)' };
  const [, year, month, day, hour, minute, second, offset] = match;
  if (!offset) return { error: 'missing time zone offset (add Z or +hh:mm)' };
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const valid =
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= new Date(Date.UTC(y, m, 0)).getUTCDate() &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second ?? 0) <= 59 &&
    Math.abs(Number(offset.slice(1, 3) || 0)) <= 18;
  const ms = Date.parse(value);
  if (!valid || Number.isNaN(ms)) return { error: 'not a valid date-time' };
  if (y < EARLIEST_YEAR || y > LATEST_YEAR) {
    return { error: `year ${y} is outside ${EARLIEST_YEAR}..${LATEST_YEAR}` };
  }
  return ms;
}

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

import { InputError } from '@backstage/errors';
import { DateTime } from 'luxon';
import { parseTimestamp } from '../ingest/timestamps';
import { DAY_MS, Window } from '../metrics/time';

const DEFAULT_DAYS = 90;
// Longer windows are a dashboard mistake, and would read years of facts at once.
const MAX_WINDOW_DAYS = 3 * 366;

/** A date (midnight in `zone`) or a date-time with offset, as epoch ms. */
function parseBound(field: string, value: string, zone: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = DateTime.fromISO(value, { zone });
    if (day.isValid) return day.toMillis();
    throw new InputError(`${field}: not a valid date`);
  }
  const parsed = parseTimestamp(value);
  if (typeof parsed !== 'number')
    throw new InputError(`${field}: ${parsed.error}`);
  return parsed;
}

/** The `[from, to)` window of a read request; the last 90 days by default. */
export function parseWindow(
  query: { from?: string; to?: string },
  zone: string,
  now = Date.now(),
): Window {
  const to = query.to ? parseBound('to', query.to, zone) : now;
  const from = query.from
    ? parseBound('from', query.from, zone)
    : to - DEFAULT_DAYS * DAY_MS;
  if (from >= to) throw new InputError('from: must be before to');
  if (to - from > MAX_WINDOW_DAYS * DAY_MS) {
    throw new InputError(
      `to: the window may span at most ${MAX_WINDOW_DAYS} days`,
    );
  }
  return { from, to };
}

export const windowJson = (w: Window) => ({
  from: new Date(w.from).toISOString(),
  to: new Date(w.to).toISOString(),
});

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

import { DateTime } from 'luxon';
import { Granularity } from '@dora-metrics/plugin-dora-common';

/** A window `[from, to)` in epoch milliseconds. */
export type Window = { from: number; to: number };

export const DAY_MS = 86_400_000;

type Bucket = { start: number; end: number };

/*
 * Calendar arithmetic in a time zone is costly (luxon builds objects for
 * every call) and a report buckets every fact several times. The buckets
 * overlapping each UTC day are computed once and kept, per zone and unit;
 * a UTC day overlaps at most three of them, so a lookup is a short scan.
 */
const calendars = new Map<string, Record<Granularity, Map<number, Bucket[]>>>();
// About 270 years of days per zone and unit; past that the cache starts over.
const MAX_CACHED_DAYS = 100_000;

const sameBucket = (a: DateTime, b: DateTime, unit: Granularity) => {
  if (unit === 'week')
    return a.weekYear === b.weekYear && a.weekNumber === b.weekNumber;
  return (
    a.year === b.year &&
    a.month === b.month &&
    (unit === 'month' || a.day === b.day)
  );
};

/**
 * The first instant of the local day, week or month holding `ms`. luxon's
 * startOf alone is not that where a zone repeats midnight (Havana falls back
 * from 01:00 to 00:00): it would start the same local date twice.
 */
function firstInstant(ms: number, unit: Granularity, zone: string): number {
  let start = DateTime.fromMillis(ms, { zone }).startOf(unit);
  for (;;) {
    const before = DateTime.fromMillis(start.toMillis() - 1, { zone });
    if (!sameBucket(before, start, unit)) return start.toMillis();
    start = before.startOf(unit);
  }
}

function bucketsOfUtcDay(utcDay: number, unit: Granularity, zone: string) {
  let ofZone = calendars.get(zone);
  if (!ofZone) {
    ofZone = { day: new Map(), week: new Map(), month: new Map() };
    calendars.set(zone, ofZone);
  }
  const calendar = ofZone[unit];
  let buckets = calendar.get(utcDay);
  if (!buckets) {
    buckets = [];
    const dayEnd = (utcDay + 1) * DAY_MS;
    let start = firstInstant(utcDay * DAY_MS, unit, zone);
    while (start < dayEnd) {
      const next = DateTime.fromMillis(start, { zone }).plus({ [unit]: 1 });
      const end = firstInstant(next.toMillis(), unit, zone);
      buckets.push({ start, end });
      start = end;
    }
    if (calendar.size >= MAX_CACHED_DAYS) calendar.clear();
    calendar.set(utcDay, buckets);
  }
  return buckets;
}

export function bucketAt(ms: number, unit: Granularity, zone: string): Bucket {
  for (const bucket of bucketsOfUtcDay(Math.floor(ms / DAY_MS), unit, zone)) {
    if (ms >= bucket.start && ms < bucket.end) return bucket;
  }
  throw new Error(`no ${unit} in ${zone} holds ${new Date(ms).toISOString()}`);
}

/** Start of the day, ISO week (Monday) or calendar month holding `ms`, in `zone`. */
export function bucketStart(
  ms: number,
  unit: Granularity,
  zone: string,
): number {
  return bucketAt(ms, unit, zone).start;
}

// Reports ask for the buckets of one window once per entity of a team.
const startsOfWindows = new Map<string, readonly number[]>();
const MAX_CACHED_WINDOWS = 64;

/**
 * Starts of every bucket that overlaps the window, the first one possibly
 * beginning before `from`.
 */
export function bucketStarts(
  window: Window,
  unit: Granularity,
  zone: string,
): readonly number[] {
  const key = `${window.from}/${window.to}/${unit}/${zone}`;
  let starts = startsOfWindows.get(key);
  if (!starts) {
    const found: number[] = [];
    for (let at = window.from; at < window.to; ) {
      const bucket = bucketAt(at, unit, zone);
      found.push(bucket.start);
      at = bucket.end;
    }
    starts = Object.freeze(found);
    if (startsOfWindows.size >= MAX_CACHED_WINDOWS) startsOfWindows.clear();
    startsOfWindows.set(key, starts);
  }
  return starts;
}

/** The window of equal length that ends where this one starts. */
export function previousWindow(window: Window): Window {
  return { from: 2 * window.from - window.to, to: window.from };
}

export function inWindow(ms: number, window: Window): boolean {
  return ms >= window.from && ms < window.to;
}

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

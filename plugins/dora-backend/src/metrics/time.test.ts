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

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { bucketStart, bucketStarts } from './time';

// Zones with DST, half- and quarter-hour offsets, a 30-minute DST shift
// (Lord Howe) and DST changes at midnight (Santiago, Havana).
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'America/Santiago',
  'America/Havana',
  'Pacific/Chatham',
];
const UNITS = ['day', 'week', 'month'] as const;
const FROM = Date.parse('2018-01-01T00:00:00Z');
const TO = Date.parse('2030-01-01T00:00:00Z');

/*
 * The oracle: the local calendar label of an instant. A bucket is the run of
 * instants sharing a label and starts at the first of them. (luxon's startOf
 * alone is not one: where a zone repeats midnight, as Havana does when it
 * falls back, it starts the same local date twice.)
 */
const label = (ms: number, unit: (typeof UNITS)[number], zone: string) => {
  const local = DateTime.fromMillis(ms, { zone });
  if (unit === 'day') return local.toISODate();
  if (unit === 'week') return local.toISOWeekDate()!.slice(0, 8);
  return local.toFormat('yyyy-MM');
};

const isStartOf = (
  start: number,
  ms: number,
  unit: (typeof UNITS)[number],
  zone: string,
) =>
  start <= ms &&
  label(start, unit, zone) === label(ms, unit, zone) &&
  label(start - 1, unit, zone) !== label(start, unit, zone);

describe('bucketStart', () => {
  it('is the first instant of the local day, week or month, in every zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FROM, max: TO }),
        fc.constantFrom(...UNITS),
        fc.constantFrom(...ZONES),
        (ms, unit, zone) => {
          expect(isStartOf(bucketStart(ms, unit, zone), ms, unit, zone)).toBe(
            true,
          );
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('keeps a local date whole when midnight repeats', () => {
    // Havana falls back from 01:00 to 00:00 on 2026-11-01 (04:00Z to 05:00Z).
    const day = Date.parse('2026-11-01T04:00:00Z');
    for (const iso of ['2026-11-01T04:30:00Z', '2026-11-01T05:30:00Z']) {
      expect(bucketStart(Date.parse(iso), 'day', 'America/Havana')).toBe(day);
    }
  });

  it('is right on both sides of a DST change', () => {
    // Europe/Berlin springs forward at 2026-03-29T01:00Z.
    const change = Date.parse('2026-03-29T01:00:00Z');
    for (const ms of [change - 1, change, change + 1, change + 3_600_000]) {
      expect(bucketStart(ms, 'day', 'Europe/Berlin')).toBe(
        Date.parse('2026-03-28T23:00:00Z'),
      );
    }
  });
});

describe('bucketStarts', () => {
  it('lists consecutive buckets covering the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FROM, max: TO - 400 * 86_400_000 }),
        fc.integer({ min: 1, max: 400 * 86_400_000 }),
        fc.constantFrom(...UNITS),
        fc.constantFrom(...ZONES),
        (from, length, unit, zone) => {
          const to = from + length;
          const starts = bucketStarts({ from, to }, unit, zone);
          expect(isStartOf(starts[0], from, unit, zone)).toBe(true);
          for (let i = 1; i < starts.length; i++) {
            expect(isStartOf(starts[i - 1], starts[i] - 1, unit, zone)).toBe(
              true,
            );
            expect(label(starts[i], unit, zone)).not.toBe(
              label(starts[i] - 1, unit, zone),
            );
          }
          expect(isStartOf(starts[starts.length - 1], to - 1, unit, zone)).toBe(
            true,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

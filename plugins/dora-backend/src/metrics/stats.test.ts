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
import { median, percentile, percentiles } from './stats';

/** The definition, by sorting: PERCENTILE_CONT. */
function bySorting(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

describe('percentiles', () => {
  it('equal percentiles of the sorted values, for any values', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true, noDefaultInfinity: true }),
            fc.integer({ min: -3, max: 3 }),
          ),
          { maxLength: 300 },
        ),
        fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), {
          maxLength: 5,
        }),
        (values, unsorted) => {
          const ps = [...unsorted].sort((a, b) => a - b);
          const copy = [...values];
          expect(percentiles(values, ps)).toEqual(
            ps.map(p => bySorting(values, p)),
          );
          expect(values).toEqual(copy);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('interpolates between ranks, as the spec worked example does', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
    expect(median([])).toBeNull();
    expect(percentiles([], [0.5, 0.9])).toEqual([null, null]);
  });

  it('handles many equal values and sorted input', () => {
    const equal = Array.from({ length: 10_001 }, () => 7);
    expect(percentiles(equal, [0.5, 0.9])).toEqual([7, 7]);
    const sorted = Array.from({ length: 100_000 }, (_, i) => i);
    expect(percentiles(sorted, [0.5, 0.9])).toEqual([49_999.5, 89_999.1]);
  });
});

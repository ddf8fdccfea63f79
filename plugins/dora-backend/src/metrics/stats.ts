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

/**
 * The k-th smallest (0-based) of `a[lo..hi]`, reordering that part so that
 * nothing before k is larger and nothing after it smaller (Hoare's select:
 * linear on average, where a full sort is n log n).
 */
function select(a: Float64Array, k: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const swap = a[i];
        a[i++] = a[j];
        a[j--] = swap;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

/**
 * Continuous percentiles, as SQL's `PERCENTILE_CONT`: linear interpolation
 * between the two closest ranks; `null` when there are no values. `ps` must
 * be ascending. The values are copied, never reordered.
 */
export function percentiles(
  values: ArrayLike<number>,
  ps: readonly number[],
): (number | null)[] {
  // The constructor copies an array natively; `from` iterates it.
  return percentilesInPlace(new Float64Array(values), ps);
}

/** As `percentiles`, reordering `a` itself: for arrays the caller owns. */
export function percentilesInPlace(
  a: Float64Array,
  ps: readonly number[],
): (number | null)[] {
  const n = a.length;
  if (n === 0) return ps.map(() => null);
  let from = 0;
  return ps.map(p => {
    const rank = p * (n - 1);
    const lower = Math.floor(rank);
    const low = select(a, lower, from, n - 1);
    // Later (higher) ranks lie at or after this one.
    from = lower;
    let high = low;
    if (rank > lower) {
      high = Infinity;
      for (let i = lower + 1; i < n; i++) if (a[i] < high) high = a[i];
    }
    // The same arithmetic as interpolating in a sorted copy, to the last bit.
    return low + (high - low) * (rank - lower);
  });
}

export function percentile(
  values: ArrayLike<number>,
  p: number,
): number | null {
  return percentiles(values, [p])[0];
}

export function median(values: ArrayLike<number>): number | null {
  return percentile(values, 0.5);
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

const HOUR_MS = 3_600_000;

export function hoursBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / HOUR_MS;
}

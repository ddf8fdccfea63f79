/** The values in ascending order, as a new typed array (a numeric sort). */
export function sortedSamples(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Continuous percentile over values sorted ascending, as SQL's
 * `PERCENTILE_CONT`: linear interpolation between the two closest ranks.
 * `null` when empty.
 */
export function percentileOfSorted(
  sorted: ArrayLike<number>,
  p: number,
): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

/** {@link percentileOfSorted} over unsorted values. */
export function percentile(
  values: readonly number[],
  p: number,
): number | null {
  return percentileOfSorted(sortedSamples(values), p);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

const HOUR_MS = 3_600_000;

export function hoursBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / HOUR_MS;
}

import { DateTime } from 'luxon';
import { Granularity } from '@dora-metrics/plugin-dora-common';

/** A window `[from, to)` in epoch milliseconds. */
export type Window = { from: number; to: number };

export const DAY_MS = 86_400_000;

/** Start of the day, ISO week (Monday) or calendar month holding `ms`, in `zone`. */
export function bucketStart(
  ms: number,
  unit: Granularity,
  zone: string,
): number {
  return DateTime.fromMillis(ms, { zone }).startOf(unit).toMillis();
}

/**
 * Starts of every bucket that overlaps the window, the first one possibly
 * beginning before `from`.
 */
export function bucketStarts(
  window: Window,
  unit: Granularity,
  zone: string,
): number[] {
  const starts: number[] = [];
  let cursor = DateTime.fromMillis(bucketStart(window.from, unit, zone), {
    zone,
  });
  while (cursor.toMillis() < window.to) {
    starts.push(cursor.toMillis());
    cursor = cursor.plus({ [unit]: 1 });
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

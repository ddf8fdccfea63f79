import { chunks as sliceInto } from '../lib/chunks';

// Stays under every engine's bound-parameter limit with rows of ~20 columns.
export const CHUNK = 200;

/** Slices of at most {@link CHUNK} rows or keys, one statement each. */
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  return sliceInto(items, size);
}

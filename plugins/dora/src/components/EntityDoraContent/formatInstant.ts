/**
 * "2026-03-05 18:00 UTC". Events are stored in UTC and compared across
 * teams and time zones, so the tables show UTC rather than browser time.
 */
export function formatInstant(iso: string | null): string {
  if (!iso) return '–';
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

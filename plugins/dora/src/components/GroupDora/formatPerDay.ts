/**
 * Deployments per day per service are often well below one, so they keep two
 * significant digits where the shared formatter would round 0.04 to 0.
 */
export function formatPerDay(perDay: number | null): string {
  if (perDay === null) return 'No data';
  if (perDay === 0) return '0';
  if (perDay >= 10) return String(Math.round(perDay));
  return String(Number(perDay.toPrecision(2)));
}

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

/** "1 service" / "3 services". */
export function servicesCount(count: number): string {
  return `${count} ${count === 1 ? 'service' : 'services'}`;
}

/** The note shown when the caller may not read some of the services. */
export function hiddenServicesNote(hidden: number): string {
  return `${servicesCount(hidden)} hidden: you may not view ${
    hidden === 1 ? 'it' : 'them'
  }. The figures leave ${hidden === 1 ? 'it' : 'them'} out.`;
}

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

/** Hours as a short human duration: "45 min", "14 h", "2.5 d", "3.1 wk". */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '–';
  // 0.999 h rounds to 60 min: show it as an hour.
  if (Math.round(hours * 60) < 60) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${round(hours)} h`;
  if (hours < 24 * 14) return `${round(hours / 24)} d`;
  return `${round(hours / (24 * 7))} wk`;
}

/** A 0..1 rate as a percentage: "50 %". */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '–';
  return `${round(rate * 100)} %`;
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return String(round(value));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

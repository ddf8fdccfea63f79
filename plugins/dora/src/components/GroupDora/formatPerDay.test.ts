import { formatPerDay } from './formatPerDay';

describe('formatPerDay', () => {
  it('keeps small per-day rates legible', () => {
    expect(formatPerDay(5 / 7)).toBe('0.71');
    expect(formatPerDay(0.04)).toBe('0.04');
    expect(formatPerDay(2.345)).toBe('2.3');
    expect(formatPerDay(0)).toBe('0');
    expect(formatPerDay(null)).toBe('No data');
  });
});

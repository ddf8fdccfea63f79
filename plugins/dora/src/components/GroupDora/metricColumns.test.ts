import { compareNullsLast } from './metricColumns';
import { formatPerDay, hiddenServicesNote } from './teamFormat';

describe('compareNullsLast', () => {
  // material-table calls (a, b) ascending and (b, a, 'row', 'desc') descending.
  const sortAsc = (values: (number | null)[]) =>
    [...values].sort((a, b) => compareNullsLast(a, b));
  const sortDesc = (values: (number | null)[]) =>
    [...values].sort((a, b) => compareNullsLast(b, a, 'desc'));

  it('puts empty figures last in both directions', () => {
    expect(sortAsc([3, null, 1, 2])).toEqual([1, 2, 3, null]);
    expect(sortDesc([3, null, 1, 2])).toEqual([3, 2, 1, null]);
  });

  it('keeps 0 as a figure, apart from null', () => {
    expect(sortAsc([null, 0.5, 0])).toEqual([0, 0.5, null]);
  });
});

describe('team formatting', () => {
  it('keeps small per-day rates legible', () => {
    expect(formatPerDay(5 / 7)).toBe('0.71');
    expect(formatPerDay(0.04)).toBe('0.04');
    expect(formatPerDay(2.345)).toBe('2.3');
    expect(formatPerDay(0)).toBe('0');
    expect(formatPerDay(null)).toBe('No data');
  });

  it('words the hidden-services note for one and for many', () => {
    expect(hiddenServicesNote(1)).toMatch(
      /^1 service hidden: you may not view it/,
    );
    expect(hiddenServicesNote(3)).toMatch(
      /^3 services hidden: you may not view them/,
    );
  });
});

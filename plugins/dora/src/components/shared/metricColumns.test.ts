import { compareNullsLast } from './metricColumns';

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

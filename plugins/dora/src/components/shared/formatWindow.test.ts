import { formatWindow } from './formatWindow';

describe('formatWindow', () => {
  it('shows the last day of a [from, to) window', () => {
    // The team pages printed this window as "2026-03-02 to 2026-03-08"
    // before every page used this one format.
    expect(
      formatWindow({
        from: '2026-03-02T00:00:00.000Z',
        to: '2026-03-09T00:00:00.000Z',
      }),
    ).toBe('2 Mar 2026 – 8 Mar 2026');
  });

  it('shows the days of the time zone the report was computed in', () => {
    // Midnight in Berlin (UTC+1 in winter) is 23:00 UTC the day before.
    const berlinWeek = {
      from: '2026-03-01T23:00:00.000Z',
      to: '2026-03-08T23:00:00.000Z',
    };
    expect(formatWindow(berlinWeek, 'Europe/Berlin')).toBe(
      '2 Mar 2026 – 8 Mar 2026',
    );
    expect(formatWindow(berlinWeek)).toBe('1 Mar 2026 – 8 Mar 2026');
  });

  it('falls back to UTC for a time zone the browser does not know', () => {
    expect(
      formatWindow(
        { from: '2026-03-02T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z' },
        'Not/AZone',
      ),
    ).toBe('2 Mar 2026 – 8 Mar 2026');
  });
});

/*
 * Copyright 2026 The DORA Metrics for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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

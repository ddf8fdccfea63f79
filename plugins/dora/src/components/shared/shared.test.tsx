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

import { DoraMetrics } from '@dora-metrics/plugin-dora-common';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { formatHours, formatRate } from './format';
import { hasEvents } from './hasEvents';
import { deploymentFrequencyDetail } from './metricDefinitions';
import { MetricsSummary } from './MetricsSummary';
import { rangeQuery } from './TimeRangePicker';
import {
  emptyMetrics,
  emptyWindowResponse,
  noEventsResponse,
  shortHistoryResponse,
  workedExampleMetrics,
  workedExampleResponse,
} from '../../__testUtils__/workedExample';

const metrics = (leadTimeMedian: number | null): DoraMetrics => ({
  ...workedExampleMetrics,
  leadTime:
    leadTimeMedian === null
      ? emptyMetrics.leadTime
      : { ...workedExampleMetrics.leadTime, medianHours: leadTimeMedian },
});

describe('format', () => {
  it('formats durations and rates', () => {
    expect(formatHours(0.5)).toBe('30 min');
    expect(formatHours(0.999)).toBe('1 h');
    expect(formatHours(14)).toBe('14 h');
    expect(formatHours(60)).toBe('2.5 d');
    expect(formatHours(24 * 7 * 3)).toBe('3 wk');
    expect(formatHours(null)).toBe('–');
    expect(formatRate(0.5)).toBe('50 %');
  });
});

describe('rangeQuery', () => {
  it('ends presets at the next midnight (UTC) so that today is included', () => {
    const now = Date.parse('2026-11-21T13:00:00Z');
    expect(rangeQuery({ kind: 'last', days: 30 }, now)).toEqual({
      from: '2026-10-23T00:00:00.000Z',
      to: '2026-11-22T00:00:00.000Z',
    });
  });
});

describe('MetricsSummary', () => {
  it('shows figures, bands and whether a change is better', async () => {
    await renderInTestApp(
      <MetricsSummary metrics={metrics(14)} previous={metrics(20)} />,
    );
    const lead = screen.getByTestId('dora-metric-leadTime');
    expect(within(lead).getByTestId('dora-metric-value')).toHaveTextContent(
      '14 h',
    );
    expect(within(lead).getByLabelText('band: elite')).toBeInTheDocument();
    expect(
      within(lead).getByLabelText('down from 20 h, better'),
    ).toBeInTheDocument();
    const failure = screen.getByTestId('dora-metric-changeFailureRate');
    expect(within(failure).getByText('low')).toBeInTheDocument();
  });

  it('shows a measured zero as 0 with its band', async () => {
    await renderInTestApp(
      <MetricsSummary
        metrics={emptyWindowResponse}
        period={emptyWindowResponse}
      />,
    );
    const frequency = screen.getByTestId('dora-metric-deploymentFrequency');
    expect(
      within(frequency).getByTestId('dora-metric-value'),
    ).toHaveTextContent('0 days/wk');
    expect(within(frequency).getByLabelText('band: low')).toBeInTheDocument();
  });

  it('says "No data" for an empty figure, never 0, and shows no band for it', async () => {
    await renderInTestApp(<MetricsSummary metrics={metrics(null)} />);
    const lead = screen.getByTestId('dora-metric-leadTime');
    expect(within(lead).getByTestId('dora-metric-value')).toHaveTextContent(
      'No data',
    );
    expect(within(lead).queryByText('0')).toBeNull();
    expect(within(lead).queryByLabelText(/band:/)).toBeNull();
  });
});

describe('deploymentFrequencyDetail', () => {
  const frequency = shortHistoryResponse.deploymentFrequency;
  const window = workedExampleResponse.window;

  it('says since when the figures count when the history starts inside the window', () => {
    expect(deploymentFrequencyDetail(frequency, { window })).toBe(
      '4 deployments since 4 Mar 2026',
    );
    // 20:00 UTC on the 4th is the 5th in Auckland (UTC+13).
    expect(
      deploymentFrequencyDetail(frequency, {
        window,
        timeZone: 'Pacific/Auckland',
      }),
    ).toBe('4 deployments since 5 Mar 2026');
  });

  it('counts days when the history is older than the window, or the window unknown', () => {
    const older = workedExampleMetrics.deploymentFrequency;
    expect(deploymentFrequencyDetail(older, { window })).toBe(
      '4 deployments on 3 days',
    );
    expect(deploymentFrequencyDetail(frequency)).toBe(
      '4 deployments on 3 days',
    );
  });
});

describe('hasEvents', () => {
  it('is false only when nothing is stored: a service that deploys has a measured zero', () => {
    expect(hasEvents(workedExampleResponse)).toBe(true);
    const quietForTwoWeeks = {
      ...emptyWindowResponse,
      previous: { ...emptyWindowResponse.previous, ...emptyMetrics },
    };
    expect(hasEvents(quietForTwoWeeks)).toBe(true);
    expect(hasEvents(noEventsResponse)).toBe(false);
  });
});

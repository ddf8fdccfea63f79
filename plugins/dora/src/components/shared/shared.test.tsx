import { DoraMetrics } from '@dora-metrics/plugin-dora-common';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { formatHours, formatRate } from './format';
import { MetricsSummary } from './MetricsSummary';
import { rangeQuery } from './TimeRangePicker';
import {
  emptyMetrics,
  workedExampleMetrics,
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

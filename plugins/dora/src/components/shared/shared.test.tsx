import { DoraMetrics } from '@dora-metrics/plugin-dora-common';
import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { formatHours, formatRate } from './format';
import { MetricsSummary } from './MetricsSummary';
import { rangeQuery } from './TimeRangePicker';

const metrics = (leadTimeMedian: number | null): DoraMetrics => ({
  deploymentFrequency: {
    count: 4,
    perDay: 4 / 7,
    deploymentDays: 3,
    medianDeploymentDaysPerWeek: 3,
    medianDeploymentDaysPerMonth: 3,
    band: 'high',
  },
  leadTime: {
    medianHours: leadTimeMedian,
    p90Hours: leadTimeMedian === null ? null : 24,
    samples: leadTimeMedian === null ? 0 : 4,
    band: leadTimeMedian === null ? null : 'elite',
    stages: {
      codingHours: null,
      pickupHours: null,
      reviewHours: null,
      deployHours: null,
    },
  },
  changeFailureRate: { failed: 2, total: 4, rate: 0.5, band: 'low' },
  recoveryTime: {
    medianHours: 2.75,
    samples: 2,
    band: 'high',
    timeToRestoreMedianHours: 2.5,
    timeToRestoreSamples: 1,
    openIncidents: 0,
  },
  reworkRate: { unplanned: 1, total: 4, rate: 0.25 },
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

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

import { darkTheme } from '@backstage/theme';
import { ThemeProvider } from '@material-ui/core/styles';
import { render, screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { FailureRateTooltip } from './FailureRateTooltip';
import { TrendCharts } from './TrendCharts';
import { toChartRows } from './chartData';
import {
  emptyWindowResponse,
  workedExampleResponse,
} from '../../__testUtils__/workedExample';

// ResponsiveContainer measures its parent, which is 0×0 in jsdom.
jest.mock('recharts', () => {
  const actual = jest.requireActual('recharts');
  const { cloneElement } = jest.requireActual('react');
  return {
    ...actual,
    ResponsiveContainer: ({ children }: { children: any }) =>
      cloneElement(children, { width: 640, height: 240 }),
  };
});

const chart = (name: RegExp) => screen.getByRole('img', { name });

describe('TrendCharts', () => {
  it('titles and describes each of the five charts', async () => {
    await renderInTestApp(<TrendCharts report={workedExampleResponse} />);

    expect(screen.getAllByRole('img')).toHaveLength(5);
    expect(
      chart(/^Bar chart of successful production deployments/),
    ).toHaveAttribute(
      'aria-label',
      'Bar chart of successful production deployments per day, 7 days from 2 Mar to 8 Mar: 4 in total, at most 2 in one day.',
    );
    expect(chart(/lead time for changes/)).toHaveAttribute(
      'aria-label',
      'Line chart of lead time for changes, median and 90th percentile per day, 7 days from 2 Mar to 8 Mar; latest 24 h (5 Mar). Dashed lines mark band thresholds: elite < 24 h, high < 7 d.',
    );
    expect(chart(/change failure rate/).getAttribute('aria-label')).toContain(
      'latest 50 % (5 Mar). Dashed lines mark band thresholds: elite ≤ 5 %, high ≤ 10 %, medium ≤ 15 %.',
    );
    expect(chart(/recovery time/).getAttribute('aria-label')).toContain(
      'latest 2 h (5 Mar). Dashed lines mark band thresholds: elite < 1 h, high < 24 h.',
    );
    expect(chart(/rework rate/).getAttribute('aria-label')).toContain(
      'latest 50 % (5 Mar).',
    );
    for (const title of [
      'Deployments per day',
      'Lead time for changes',
      'Change failure rate',
      'Failed deployment recovery time',
      'Deployment rework rate',
    ]) {
      expect(screen.getByRole('heading', { name: title })).toBeInTheDocument();
    }
    // The plots render (a fixed size is given above).
    expect(
      document.querySelectorAll('.recharts-wrapper > svg.recharts-surface'),
    ).toHaveLength(5);
    expect(screen.getAllByText('elite < 24 h').length).toBeGreaterThan(0);
  });

  it('shows "No data" for lines of an empty window, and the zero deployments as bars', async () => {
    await renderInTestApp(<TrendCharts report={emptyWindowResponse} />);

    expect(screen.getAllByText('No data')).toHaveLength(4);
    expect(chart(/lead time/).getAttribute('aria-label')).toContain(
      'no data in any bucket',
    );
    expect(chart(/^Bar chart/).getAttribute('aria-label')).toContain(
      '0 in total',
    );
  });

  it('draws the buckets before the history as gaps, not zeros (spec v2)', async () => {
    // The service's first deployment of any kind was on 4 March: 2 and 3
    // March have no data; the empty days after it are measured zeros.
    const series = emptyWindowResponse.series.map((p, i) =>
      i < 2
        ? {
            ...p,
            beforeHistory: true,
            deploymentFrequencyBand: null,
          }
        : p,
    );
    const rows = toChartRows(series, 'day', 'UTC');
    expect(rows.map(r => r.deployments)).toEqual([null, null, 0, 0, 0, 0, 0]);
    await renderInTestApp(
      <TrendCharts report={{ ...emptyWindowResponse, series }} />,
    );
    expect(chart(/^Bar chart/)).toHaveAttribute(
      'aria-label',
      'Bar chart of successful production deployments per day, 7 days from 2 Mar to 8 Mar: 0 in total, at most 0 in one day. No data in the first 2 days, before the first deployment was stored.',
    );
    render(
      <FailureRateTooltip
        active
        label="2 Mar"
        payload={[{ payload: rows[0] }]}
      />,
    );
    expect(
      screen.getByText('Before the first stored deployment'),
    ).toBeInTheDocument();
  });

  it('shows "No data" for deployments when no bucket has data', async () => {
    const series = emptyWindowResponse.series.map(p => ({
      ...p,
      beforeHistory: true,
      deploymentFrequencyBand: null,
    }));
    await renderInTestApp(
      <TrendCharts report={{ ...emptyWindowResponse, series }} />,
    );
    // The four line charts and the bar chart.
    expect(screen.getAllByText('No data')).toHaveLength(5);
  });

  it('uses the theme palette, so it reads in the dark theme', async () => {
    const { container } = render(
      <ThemeProvider theme={darkTheme}>
        <TrendCharts report={workedExampleResponse} />
      </ThemeProvider>,
    );

    const bar = container.querySelector('.recharts-bar-rectangle path');
    expect(bar).toHaveAttribute('fill', darkTheme.palette.primary.main);
    const axisTick = container.querySelector(
      '.recharts-cartesian-axis-tick-value',
    );
    expect(axisTick).toHaveAttribute('fill', darkTheme.palette.text.secondary);
  });
});

describe('FailureRateTooltip', () => {
  it('shows failed / total beside the rate', () => {
    const [, failedDay] = toChartRows(
      workedExampleResponse.series,
      'day',
      'UTC',
    );
    render(
      <FailureRateTooltip
        active
        label="3 Mar"
        payload={[{ payload: failedDay }]}
      />,
    );

    expect(screen.getByText('3 Mar')).toBeInTheDocument();
    expect(screen.getByText('Change failure rate 100 %')).toBeInTheDocument();
    expect(screen.getByText('1 failed / 1 deployment')).toBeInTheDocument();
  });

  it('says there were no deployments rather than 0 %', () => {
    const rows = toChartRows(emptyWindowResponse.series, 'day', 'UTC');
    render(
      <FailureRateTooltip
        active
        label="4 Mar"
        payload={[{ payload: rows[0] }]}
      />,
    );

    expect(screen.getByText('No deployments')).toBeInTheDocument();
    expect(screen.getByText('0 failed / 0 deployments')).toBeInTheDocument();
  });
});

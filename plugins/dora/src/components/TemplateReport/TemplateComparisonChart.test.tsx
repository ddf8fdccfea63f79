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

import { renderInTestApp } from '@backstage/test-utils';
import { TemplateReportRow } from '@dora-metrics/plugin-dora-common';
import { screen } from '@testing-library/react';
import { cloneElement, ReactElement } from 'react';
import {
  emptyMetrics,
  pooledTeamMetrics,
  steadyServiceMetrics,
} from '../../__testUtils__/teamFixtures';
import { TemplateComparisonChart } from './TemplateComparisonChart';

// jsdom has no layout, so the responsive container would measure 0 × 0 and
// draw nothing; a fixed size lets the bars be counted.
jest.mock('recharts', () => {
  const actual = jest.requireActual('recharts');
  return {
    ...actual,
    ResponsiveContainer: (props: { children: ReactElement }) =>
      cloneElement(props.children, { width: 600, height: 300 }),
  };
});

const rows: TemplateReportRow[] = [
  {
    templateRef: 'template:default/node-service',
    title: 'Node service',
    entityCount: 2,
    hiddenEntityCount: 0,
    metrics: pooledTeamMetrics(),
  },
  {
    templateRef: null,
    title: null,
    entityCount: 3,
    hiddenEntityCount: 0,
    // No failed deployment, so no recovery figure.
    metrics: steadyServiceMetrics(),
  },
];

describe('TemplateComparisonChart', () => {
  it('draws one bar per template with a figure, per metric', async () => {
    const { container } = await renderInTestApp(
      <TemplateComparisonChart rows={rows} />,
    );
    expect(
      screen.getByRole('img', { name: /Node service: median lead time 20 h/ }),
    ).toBeInTheDocument();
    const charts = [...container.querySelectorAll('.recharts-wrapper')];
    const labels = charts.map(chart =>
      [...chart.querySelectorAll('.recharts-label-list text')].map(
        text => text.textContent,
      ),
    );
    const bars = charts.map(
      chart => chart.querySelectorAll('.recharts-bar-rectangle path').length,
    );
    expect(labels[0]).toEqual(['20 h', '30 h']);
    // A 0 % failure rate draws no bar, so its figure is written beside it.
    expect(labels[1]).toEqual(['20 %', '0 %']);
    expect(bars[1]).toBe(1);
    // Recovery: only Node service has a figure; "No template" has neither bar
    // nor figure (the text alternative says "no data").
    expect(bars[2]).toBe(1);
    expect(labels[2]).toEqual(['2.8 h']);
    expect(
      screen.getByRole('img', {
        name: /No template: .*median recovery time no data/,
      }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('No template').length).toBeGreaterThan(0);
  });

  it('says "No data" instead of drawing an empty chart', async () => {
    await renderInTestApp(
      <TemplateComparisonChart
        rows={[{ ...rows[0], metrics: emptyMetrics() }]}
      />,
    );
    expect(screen.getAllByText('No data')).toHaveLength(3);
    expect(
      screen.getByRole('img', {
        name: /Node service: median lead time no data, change failure rate no data/,
      }),
    ).toBeInTheDocument();
  });
});

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

import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  TemplateMetricsResponse,
  TemplateReportResponse,
  TemplateReportRow,
} from '@dora-metrics/plugin-dora-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { doraApiRef } from '../../api';
import {
  checkoutService,
  emptyMetrics,
  mockDoraApi,
  paymentsApiService,
  pooledTeamMetrics,
  WINDOW,
  workedExampleMetrics,
} from '../../__testUtils__/teamFixtures';
import { DoraTemplateReportPage } from './DoraTemplateReportPage';

// The data-quality panel has its own tests; here it only has to be placed.
jest.mock('../../components/shared/DataQualityPanel', () => ({
  DataQualityPanel: () => 'Data quality panel',
}));

const nodeServiceRow: TemplateReportRow = {
  templateRef: 'template:default/node-service',
  title: 'Node service',
  entityCount: 2,
  hiddenEntityCount: 0,
  metrics: pooledTeamMetrics(),
};

const legacyRow: TemplateReportRow = {
  templateRef: 'template:default/legacy-java',
  title: null,
  entityCount: 1,
  hiddenEntityCount: 1,
  metrics: emptyMetrics(),
};

const noTemplateRow: TemplateReportRow = {
  templateRef: null,
  title: null,
  entityCount: 1,
  hiddenEntityCount: 0,
  metrics: workedExampleMetrics(),
};

const report: TemplateReportResponse = {
  window: WINDOW,
  templates: [legacyRow, nodeServiceRow, noTemplateRow],
};

function templateMetrics(
  row: TemplateReportRow,
  entities = [checkoutService, paymentsApiService],
): TemplateMetricsResponse {
  return { ...row, window: WINDOW, entities };
}

async function renderPage(api: ReturnType<typeof mockDoraApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[doraApiRef, api]]}>
      <DoraTemplateReportPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

beforeAll(() => {
  // recharts' ResponsiveContainer measures its parent; jsdom has no layout.
  global.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

describe('DoraTemplateReportPage', () => {
  it('lists one row per template, with "No template", counts and pooled figures', async () => {
    const api = mockDoraApi();
    api.getTemplateReport.mockResolvedValue(report);
    await renderPage(api);

    expect(
      await screen.findByRole('heading', { name: 'Golden paths' }),
    ).toBeInTheDocument();
    const nodeService = await screen.findByRole('button', {
      name: 'Node service',
    });
    const nodeRow = nodeService.closest('tr')!;
    expect(within(nodeRow).getByText('2')).toBeInTheDocument();
    expect(within(nodeRow).getByText('20 h')).toBeInTheDocument();
    // Deployment frequency and lead time are both elite for this pool.
    expect(within(nodeRow).getAllByText('elite')).toHaveLength(2);
    expect(within(nodeRow).getByText('20 %')).toBeInTheDocument();
    expect(within(nodeRow).getByText('low')).toBeInTheDocument();

    const noTemplate = screen.getByRole('button', { name: 'No template' });
    expect(
      within(noTemplate.closest('tr')!).getByText('14 h'),
    ).toBeInTheDocument();

    // A template without a title is named by its ref; an empty window says so.
    const legacy = screen.getByRole('button', { name: 'legacy-java' });
    const legacyCells = within(legacy.closest('tr')!);
    expect(legacyCells.getAllByText('No data')).toHaveLength(5);
    expect(legacyCells.getByText('1 hidden')).toBeInTheDocument();

    expect(screen.getByText('Data quality panel')).toBeInTheDocument();
    expect(api.getTemplateReport).toHaveBeenCalledWith({
      from: expect.any(String),
      to: expect.any(String),
    });
  });

  it('compares the templates in a chart described for screen readers', async () => {
    const api = mockDoraApi();
    api.getTemplateReport.mockResolvedValue(report);
    await renderPage(api);

    const chart = await screen.findByRole('img', {
      name: /Templates compared by median lead time, change failure rate/,
    });
    const label = chart.getAttribute('aria-label')!;
    expect(label).toContain(
      'Node service: median lead time 20 h, change failure rate 20 %, median recovery time 2.8 h',
    );
    expect(label).toContain('No template: median lead time 14 h');
    expect(label).toContain('legacy-java: median lead time no data');
  });

  it('drills down into a template: its services with links to their DORA tabs', async () => {
    const api = mockDoraApi();
    api.getTemplateReport.mockResolvedValue(report);
    api.getTemplateMetrics.mockResolvedValue(templateMetrics(nodeServiceRow));
    await renderPage(api);

    fireEvent.click(
      await screen.findByRole('button', { name: 'Node service' }),
    );
    await waitFor(() =>
      expect(api.getTemplateMetrics).toHaveBeenCalledWith(
        expect.objectContaining({
          templateRef: 'template:default/node-service',
          from: expect.any(String),
          to: expect.any(String),
        }),
      ),
    );
    const section = await screen.findByRole('region', {
      name: 'Services made from Node service',
    });
    expect(
      await within(section).findByRole('link', { name: 'Checkout' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout/dora');
    expect(
      within(section).getByRole('link', { name: 'payments-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api/dora');
  });

  it('asks for templateRef null when "No template" is selected', async () => {
    const api = mockDoraApi();
    api.getTemplateReport.mockResolvedValue(report);
    api.getTemplateMetrics.mockResolvedValue(
      templateMetrics(noTemplateRow, [checkoutService]),
    );
    await renderPage(api);

    fireEvent.click(await screen.findByRole('button', { name: 'No template' }));
    await waitFor(() =>
      expect(api.getTemplateMetrics).toHaveBeenCalledWith(
        expect.objectContaining({ templateRef: null }),
      ),
    );
    const section = await screen.findByRole('region', {
      name: 'Services made from no template',
    });
    expect(
      await within(section).findByRole('link', { name: 'Checkout' }),
    ).toBeInTheDocument();

    fireEvent.click(
      screen.getByRole('button', { name: 'Close services list' }),
    );
    expect(
      screen.queryByRole('region', { name: 'Services made from no template' }),
    ).not.toBeInTheDocument();
  });

  it('shows an empty state when there are no services at all', async () => {
    const api = mockDoraApi();
    api.getTemplateReport.mockResolvedValue({ window: WINDOW, templates: [] });
    await renderPage(api);
    expect(await screen.findByText('No services yet')).toBeInTheDocument();
  });

  it('shows the error when the report cannot be loaded', async () => {
    const api = mockDoraApi();
    api.getTemplateReport.mockRejectedValue(new Error('backend unavailable'));
    await renderPage(api);
    expect(
      (await screen.findAllByText(/backend unavailable/))[0],
    ).toBeInTheDocument();
    // The data-quality panel does not depend on the report.
    expect(screen.getByText('Data quality panel')).toBeInTheDocument();
  });
});

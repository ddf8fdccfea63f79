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
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TeamMetricsResponse } from '@dora-metrics/plugin-dora-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { doraApiRef } from '../../api';
import { GroupDoraContent } from './GroupDoraContent';
import {
  checkoutService,
  emptyMetrics,
  mockDoraApi,
  paymentsApiService,
  paymentsGroup,
  pooledTeamMetrics,
  PREVIOUS_WINDOW,
  WINDOW,
} from '../../__testUtils__/teamFixtures';

function teamResponse(
  overrides: Partial<TeamMetricsResponse> = {},
): TeamMetricsResponse {
  const { dataQuality, ...pooled } = pooledTeamMetrics();
  const previous = {
    ...emptyMetrics(),
    leadTime: { ...pooled.leadTime, medianHours: 30, band: 'high' as const },
    window: PREVIOUS_WINDOW,
  };
  return {
    ...pooled,
    dataQuality,
    window: WINDOW,
    previous,
    granularity: 'week',
    timeZone: 'UTC',
    series: [],
    groupRef: 'group:default/payments',
    ownership: 'current',
    includeSubgroups: true,
    entityCount: 2,
    hiddenEntityCount: 0,
    perEntityDeploymentFrequency: 5 / 7,
    entities: [checkoutService, paymentsApiService],
    ...overrides,
  };
}

async function renderContent(api: ReturnType<typeof mockDoraApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[doraApiRef, api]]}>
      <EntityProvider entity={paymentsGroup}>
        <GroupDoraContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

// Each test renders the whole tab (pooled tiles, a material-table, the data
// quality card): a few seconds when the CPUs are shared with other builds.
jest.setTimeout(20_000);

describe('GroupDoraContent', () => {
  it('shows the pooled metrics with bands, trend and per-service frequency', async () => {
    const api = mockDoraApi();
    api.getTeamMetrics.mockResolvedValue(teamResponse());
    await renderContent(api);

    const leadTime = await screen.findByTestId('dora-metric-leadTime');
    expect(within(leadTime).getByTestId('dora-metric-value')).toHaveTextContent(
      '20 h',
    );
    expect(within(leadTime).getByText('elite')).toBeInTheDocument();
    expect(within(leadTime).getByText('down from 30 h')).toBeInTheDocument();

    const failureRate = screen.getByTestId('dora-metric-changeFailureRate');
    expect(
      within(failureRate).getByTestId('dora-metric-value'),
    ).toHaveTextContent('20 %');
    expect(within(failureRate).getByText('low')).toBeInTheDocument();

    expect(screen.getByText(/Pooled over 2 services/)).toBeInTheDocument();
    expect(screen.getByTestId('dora-per-entity-frequency')).toHaveTextContent(
      '0.71 median deployments per day per service',
    );
  });

  it('asks for the group with sub-groups and current ownership by default', async () => {
    const api = mockDoraApi();
    api.getTeamMetrics.mockResolvedValue(teamResponse());
    await renderContent(api);
    await screen.findByTestId('dora-metric-leadTime');
    expect(api.getTeamMetrics).toHaveBeenCalledTimes(1);
    expect(api.getTeamMetrics).toHaveBeenCalledWith(
      expect.objectContaining({
        groupRef: 'group:default/payments',
        includeSubgroups: true,
        ownership: 'current',
        from: expect.any(String),
        to: expect.any(String),
      }),
    );
  });

  it('reloads without sub-groups and with ownership at event time', async () => {
    const api = mockDoraApi();
    api.getTeamMetrics.mockResolvedValue(teamResponse());
    await renderContent(api);
    await screen.findByTestId('dora-metric-leadTime');

    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Include sub-groups' }),
    );
    await waitFor(() =>
      expect(api.getTeamMetrics).toHaveBeenLastCalledWith(
        expect.objectContaining({
          includeSubgroups: false,
          ownership: 'current',
        }),
      ),
    );

    fireEvent.click(
      screen.getByRole('button', { name: 'Ownership at event time' }),
    );
    await waitFor(() =>
      expect(api.getTeamMetrics).toHaveBeenLastCalledWith(
        expect.objectContaining({
          includeSubgroups: false,
          ownership: 'at-event',
        }),
      ),
    );
    expect(
      screen.getByRole('button', { name: 'Ownership at event time' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('lists the services with their figures and links to their DORA tabs', async () => {
    const api = mockDoraApi();
    api.getTeamMetrics.mockResolvedValue(teamResponse());
    await renderContent(api);

    const checkout = await screen.findByRole('link', { name: 'Checkout' });
    expect(checkout).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/dora',
    );
    // No title: the ref names the service.
    expect(screen.getByRole('link', { name: 'payments-api' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api/dora',
    );

    const checkoutRow = checkout.closest('tr')!;
    expect(within(checkoutRow).getByText('14 h')).toBeInTheDocument();
    expect(within(checkoutRow).getByText('50 %')).toBeInTheDocument();
    expect(within(checkoutRow).getByText('3 days/wk')).toBeInTheDocument();
    // payments-api had no failed deployment to recover from.
    const paymentsRow = screen
      .getByRole('link', { name: 'payments-api' })
      .closest('tr')!;
    expect(within(paymentsRow).getByText('No data')).toBeInTheDocument();
  });

  it('sorts the services by a metric, empty figures last', async () => {
    const api = mockDoraApi();
    api.getTeamMetrics.mockResolvedValue(teamResponse());
    await renderContent(api);
    const table = within(
      (await screen.findByRole('link', { name: 'Checkout' })).closest('table')!,
    );

    const serviceOrder = () =>
      screen
        .getAllByRole('link', { name: /Checkout|payments-api/ })
        .map(link => link.textContent);

    const leadTimeHeader = table.getByRole('button', {
      name: 'Lead time for changes',
    });
    fireEvent.click(leadTimeHeader);
    expect(serviceOrder()).toEqual(['Checkout', 'payments-api']); // 14 h, 30 h
    fireEvent.click(leadTimeHeader);
    expect(serviceOrder()).toEqual(['payments-api', 'Checkout']);

    // payments-api has no recovery figure: last whichever the direction.
    const recoveryHeader = table.getByRole('button', {
      name: 'Failed deployment recovery time',
    });
    fireEvent.click(recoveryHeader);
    expect(serviceOrder()).toEqual(['Checkout', 'payments-api']);
    fireEvent.click(recoveryHeader);
    expect(serviceOrder()).toEqual(['Checkout', 'payments-api']);
  });

  it('says how many services are hidden for lack of permission', async () => {
    const api = mockDoraApi();
    api.getTeamMetrics.mockResolvedValue(
      teamResponse({ hiddenEntityCount: 2 }),
    );
    await renderContent(api);
    expect(
      await screen.findByText(/2 services hidden: you may not view them/),
    ).toBeInTheDocument();
  });

  it('shows "No data", not 0, for an empty window', async () => {
    const api = mockDoraApi();
    const { dataQuality: _quality, ...empty } = emptyMetrics();
    api.getTeamMetrics.mockResolvedValue(
      teamResponse({
        ...empty,
        previous: { ...emptyMetrics(), window: PREVIOUS_WINDOW },
        perEntityDeploymentFrequency: null,
        entities: [
          { ...checkoutService, metrics: emptyMetrics() },
          { ...paymentsApiService, metrics: emptyMetrics() },
        ],
      }),
    );
    await renderContent(api);

    await screen.findByTestId('dora-metric-leadTime');
    for (const value of screen.getAllByTestId('dora-metric-value')) {
      expect(value).toHaveTextContent('No data');
      expect(value).not.toHaveTextContent(/^0/);
    }
    expect(screen.getByTestId('dora-per-entity-frequency')).toHaveTextContent(
      'No data median deployments per day per service',
    );
    const row = screen.getByRole('link', { name: 'Checkout' }).closest('tr')!;
    expect(within(row).getAllByText('No data')).toHaveLength(5);
  });

  it('shows a measured zero with its band once the team has a history (spec v2)', async () => {
    const api = mockDoraApi();
    const { dataQuality: _quality, ...empty } = emptyMetrics();
    api.getTeamMetrics.mockResolvedValue(
      teamResponse({
        ...empty,
        deploymentFrequency: {
          count: 0,
          perDay: 0,
          deploymentDays: 0,
          medianDeploymentDaysPerWeek: 0,
          medianDeploymentDaysPerMonth: 0,
          band: 'low',
          historyStartsAt: '2026-01-12T09:00:00.000Z',
        },
        previous: { ...emptyMetrics(), window: PREVIOUS_WINDOW },
      }),
    );
    await renderContent(api);

    const frequency = await screen.findByTestId(
      'dora-metric-deploymentFrequency',
    );
    expect(
      within(frequency).getByTestId('dora-metric-value'),
    ).toHaveTextContent('0 days/wk');
    expect(within(frequency).getByLabelText('band: low')).toBeInTheDocument();
    expect(frequency).toHaveTextContent('0 deployments on 0 days');
    // Figures without samples still say so.
    expect(
      within(screen.getByTestId('dora-metric-leadTime')).getByTestId(
        'dora-metric-value',
      ),
    ).toHaveTextContent('No data');
  });

  it('says since when the pooled history starts inside the window (spec v2)', async () => {
    const api = mockDoraApi();
    const response = teamResponse();
    api.getTeamMetrics.mockResolvedValue({
      ...response,
      deploymentFrequency: {
        ...response.deploymentFrequency,
        historyStartsAt: '2026-03-04T20:00:00.000Z',
      },
    });
    await renderContent(api);

    const frequency = await screen.findByTestId(
      'dora-metric-deploymentFrequency',
    );
    expect(frequency).toHaveTextContent(
      `${response.deploymentFrequency.count} deployments since 4 Mar 2026`,
    );
  });

  it('shows the pooled data quality: automated changes and unknown commits', async () => {
    const api = mockDoraApi();
    const response = teamResponse();
    api.getTeamMetrics.mockResolvedValue({
      ...response,
      dataQuality: {
        clockSkewedChanges: 0,
        unlinkedIncidents: 0,
        automatedChangesExcluded: 3,
        deploymentsWithUnknownCommits: 2,
      },
    });
    await renderContent(api);

    expect(
      await screen.findByTestId('dora-finding-automated-changes'),
    ).toHaveTextContent('3 automated changes left out of lead time');
    expect(
      screen.getByTestId('dora-finding-unknown-commits'),
    ).toHaveTextContent('2 deployments shipped commits that are not known');
    expect(screen.queryByTestId('dora-finding-clock-skew')).toBeNull();
  });

  it('says there is nothing to fix when the pooled data is clean', async () => {
    const api = mockDoraApi();
    const response = teamResponse();
    api.getTeamMetrics.mockResolvedValue({
      ...response,
      dataQuality: {
        clockSkewedChanges: 0,
        unlinkedIncidents: 0,
        automatedChangesExcluded: 0,
        deploymentsWithUnknownCommits: 0,
      },
    });
    await renderContent(api);

    expect(
      await screen.findByText('No data-quality findings'),
    ).toBeInTheDocument();
  });

  it('shows an empty state when the team owns no service', async () => {
    const api = mockDoraApi();
    api.getTeamMetrics.mockResolvedValue(
      teamResponse({ entityCount: 0, entities: [] }),
    );
    await renderContent(api);
    expect(await screen.findByText('No services to show')).toBeInTheDocument();
  });

  it('shows the error when the metrics cannot be loaded', async () => {
    const api = mockDoraApi();
    api.getTeamMetrics.mockRejectedValue(new Error('backend unavailable'));
    await renderContent(api);
    expect(
      (await screen.findAllByText(/backend unavailable/))[0],
    ).toBeInTheDocument();
  });
});

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
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TeamMetricsResponse } from '@dora-metrics/plugin-dora-common';
import { screen, within } from '@testing-library/react';
import { doraApiRef } from '../../api';
import { GroupDoraCard } from './GroupDoraCard';
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
  return {
    ...pooled,
    dataQuality,
    window: WINDOW,
    previous: { ...emptyMetrics(), window: PREVIOUS_WINDOW },
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

async function renderCard(api: ReturnType<typeof mockDoraApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[doraApiRef, api]]}>
      <EntityProvider entity={paymentsGroup}>
        <GroupDoraCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('GroupDoraCard', () => {
  it('shows the pooled metrics, the service count and a link to the tab', async () => {
    const api = mockDoraApi();
    api.getTeamMetrics.mockResolvedValue(teamResponse());
    await renderCard(api);

    const leadTime = await screen.findByTestId('dora-metric-leadTime');
    expect(within(leadTime).getByTestId('dora-metric-value')).toHaveTextContent(
      '20 h',
    );
    expect(within(leadTime).getByText('elite')).toBeInTheDocument();
    // The window is printed as on every other page.
    expect(
      screen.getByText('Pooled over 2 services · 2 Mar 2026 – 8 Mar 2026'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Team DORA details/ }),
    ).toHaveAttribute('href', expect.stringMatching(/\/dora$/));
    expect(api.getTeamMetrics).toHaveBeenCalledWith(
      expect.objectContaining({
        groupRef: 'group:default/payments',
        includeSubgroups: true,
        ownership: 'current',
      }),
    );
  });

  it('says so when the team owns no service', async () => {
    const api = mockDoraApi();
    api.getTeamMetrics.mockResolvedValue(
      teamResponse({ entityCount: 0, entities: [] }),
    );
    await renderCard(api);
    expect(
      await screen.findByText(
        /owns no service that DORA events are recorded for/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the error when the metrics cannot be loaded', async () => {
    const api = mockDoraApi();
    api.getTeamMetrics.mockRejectedValue(new Error('backend unavailable'));
    await renderCard(api);
    expect(
      (await screen.findAllByText(/backend unavailable/))[0],
    ).toBeInTheDocument();
  });
});

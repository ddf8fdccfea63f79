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

import { NotFoundError } from '@backstage/errors';
import { screen, within } from '@testing-library/react';
import { EntityDoraCard } from './EntityDoraCard';
import {
  ENTITY_PAGE_PATH,
  mockDoraApi,
  renderOnEntityPage,
} from '../../__testUtils__/renderWithDora';
import {
  CHECKOUT_REF,
  emptyWindowResponse,
  noEventsResponse,
  shortHistoryResponse,
  unannotatedEntity,
} from '../../__testUtils__/workedExample';

const tile = (id: string) => screen.getByTestId(`dora-metric-${id}`);

describe('EntityDoraCard', () => {
  it('shows the worked example figures with their bands', async () => {
    const api = mockDoraApi();
    await renderOnEntityPage(<EntityDoraCard />, { api });

    expect(await screen.findByText('DORA metrics')).toBeInTheDocument();
    expect(api.getEntityMetrics).toHaveBeenCalledWith(
      expect.objectContaining({ entityRef: CHECKOUT_REF }),
    );
    const values: [string, string][] = [
      ['deploymentFrequency', '3 days/wk'],
      ['leadTime', '14 h'],
      ['changeFailureRate', '50 %'],
      ['recoveryTime', '2.8 h'],
      ['reworkRate', '25 %'],
    ];
    for (const [id, value] of values) {
      expect(
        within(await screen.findByTestId(`dora-metric-${id}`)).getByTestId(
          'dora-metric-value',
        ),
      ).toHaveTextContent(value);
    }
    const bands: [string, string][] = [
      ['deploymentFrequency', 'high'],
      ['leadTime', 'elite'],
      ['changeFailureRate', 'low'],
      ['recoveryTime', 'high'],
    ];
    for (const [id, band] of bands) {
      expect(within(tile(id)).getByLabelText(`band: ${band}`)).toBeVisible();
    }
    // Rework rate has no published bands.
    expect(within(tile('reworkRate')).queryByLabelText(/^band:/)).toBeNull();
    expect(
      within(tile('changeFailureRate')).getByText('2 of 4 deployments failed'),
    ).toBeInTheDocument();
    expect(screen.getByText('2 Mar 2026 – 8 Mar 2026')).toBeInTheDocument();
  });

  it('labels each delta with its direction and whether it is better', async () => {
    await renderOnEntityPage(<EntityDoraCard />, { api: mockDoraApi() });

    await screen.findByTestId('dora-metric-leadTime');
    // Lead time fell from 30 h to 14 h: down is better for a duration.
    expect(
      within(tile('leadTime')).getByLabelText('down from 30 h, better'),
    ).toBeInTheDocument();
    expect(
      within(tile('deploymentFrequency')).getByLabelText(
        'up from 2 days/wk, better',
      ),
    ).toBeInTheDocument();
    expect(
      within(tile('changeFailureRate')).getByLabelText('up from 0 %, worse'),
    ).toBeInTheDocument();
    expect(
      within(tile('recoveryTime')).getByText('no previous figure'),
    ).toBeInTheDocument();
  });

  it('shows a measured zero with its band, and "No data" for figures without samples', async () => {
    const api = mockDoraApi({
      getEntityMetrics: jest.fn().mockResolvedValue(emptyWindowResponse),
    });
    await renderOnEntityPage(<EntityDoraCard />, { api });

    const frequency = await screen.findByTestId(
      'dora-metric-deploymentFrequency',
    );
    expect(
      within(frequency).getByTestId('dora-metric-value'),
    ).toHaveTextContent('0 days/wk');
    expect(within(frequency).getByLabelText('band: low')).toBeInTheDocument();
    expect(frequency).toHaveTextContent('0 deployments on 0 days');
    for (const id of ['leadTime', 'changeFailureRate', 'recoveryTime']) {
      const value = within(tile(id)).getByTestId('dora-metric-value');
      expect(value).toHaveTextContent('No data');
      expect(value.textContent).not.toMatch(/\b0\b/);
      expect(within(tile(id)).queryByLabelText(/band:/)).toBeNull();
    }
  });

  it('says since when a history shorter than the window counts', async () => {
    const api = mockDoraApi({
      getEntityMetrics: jest.fn().mockResolvedValue(shortHistoryResponse),
    });
    await renderOnEntityPage(<EntityDoraCard />, { api });

    const frequency = await screen.findByTestId(
      'dora-metric-deploymentFrequency',
    );
    expect(frequency).toHaveTextContent('4 deployments since 4 Mar 2026');
    expect(frequency).not.toHaveTextContent('on 3 days');
  });

  it('shows the error of a failed request', async () => {
    const api = mockDoraApi({
      getEntityMetrics: jest
        .fn()
        .mockRejectedValue(new Error('database is unreachable')),
    });
    await renderOnEntityPage(<EntityDoraCard />, { api });

    expect(
      await screen.findByText('Error: database is unreachable'),
    ).toBeInTheDocument();
  });

  it('explains a 404 instead of showing an error', async () => {
    const api = mockDoraApi({
      getEntityMetrics: jest
        .fn()
        .mockRejectedValue(new NotFoundError('entityRef: no entity')),
    });
    await renderOnEntityPage(<EntityDoraCard />, { api });

    expect(
      await screen.findByText('No DORA metrics for this entity'),
    ).toBeInTheDocument();
  });

  it('explains an entity with no events and the annotations it lacks', async () => {
    const api = mockDoraApi({
      getEntityMetrics: jest.fn().mockResolvedValue(noEventsResponse),
    });
    await renderOnEntityPage(<EntityDoraCard />, {
      api,
      entity: unannotatedEntity,
    });

    expect(
      await screen.findByText('No DORA events for this entity yet'),
    ).toBeInTheDocument();
    const snippet = screen.getByLabelText('catalog-info.yaml annotations');
    expect(snippet).toHaveTextContent('github.com/project-slug: <org>/<repo>');
    expect(snippet).toHaveTextContent('pagerduty.com/service-id: <id>');
    expect(screen.queryByTestId('dora-metric-value')).not.toBeInTheDocument();
  });

  it('links to the DORA tab of the entity page', async () => {
    await renderOnEntityPage(<EntityDoraCard />, { api: mockDoraApi() });

    const link = await screen.findByRole('link', { name: /View DORA details/ });
    expect(link).toHaveAttribute('href', `${ENTITY_PAGE_PATH}/dora`);
  });

  it('asks for the last 90 days by default', async () => {
    const api = mockDoraApi();
    await renderOnEntityPage(<EntityDoraCard />, { api });
    await screen.findByTestId('dora-metric-leadTime');

    const { from, to } = api.getEntityMetrics.mock.calls[0][0];
    const days = (Date.parse(to!) - Date.parse(from!)) / 86_400_000;
    expect(days).toBe(90);
  });
});

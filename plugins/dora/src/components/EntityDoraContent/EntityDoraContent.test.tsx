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

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityDoraContent } from './EntityDoraContent';
import {
  mockDoraApi,
  renderOnEntityPage,
} from '../../__testUtils__/renderWithDora';
import {
  CHECKOUT_REF,
  emptyWindowResponse,
  noEventsResponse,
  shortHistoryResponse,
  workedExampleResponse,
} from '../../__testUtils__/workedExample';
import { workedExampleDeployments } from '../../__testUtils__/workedExampleEvents';

// ResponsiveContainer measures its parent, which is 0×0 in jsdom: give the
// charts a fixed size so that they render.
jest.mock('recharts', () => {
  const actual = jest.requireActual('recharts');
  const { cloneElement } = jest.requireActual('react');
  return {
    ...actual,
    ResponsiveContainer: ({ children }: { children: any }) =>
      cloneElement(children, { width: 640, height: 240 }),
  };
});

// Each test renders the whole tab (five charts, two material-tables): about
// 2–4 s on a quiet machine, which passes Jest's 5 s default when the CPUs are
// shared with other builds.
jest.setTimeout(20_000);

describe('EntityDoraContent', () => {
  it('shows the figures, five described charts and the data-quality panel', async () => {
    await renderOnEntityPage(<EntityDoraContent />, { api: mockDoraApi() });

    expect(
      within(await screen.findByTestId('dora-metric-leadTime')).getByTestId(
        'dora-metric-value',
      ),
    ).toHaveTextContent('14 h');
    const charts = screen.getAllByRole('img');
    const labels = charts.map(c => c.getAttribute('aria-label'));
    expect(labels).toEqual([
      expect.stringContaining(
        'Bar chart of successful production deployments per day',
      ),
      expect.stringContaining(
        'lead time for changes, median and 90th percentile',
      ),
      expect.stringContaining('change failure rate'),
      expect.stringContaining('failed deployment recovery time'),
      expect.stringContaining('deployment rework rate'),
    ]);
    for (const title of [
      'Deployments per day',
      'Lead time for changes',
      'Change failure rate',
      'Failed deployment recovery time',
      'Deployment rework rate',
    ]) {
      expect(
        screen.getByRole('heading', { name: title, level: 3 }),
      ).toBeInTheDocument();
    }
    // The worked example has no pull-request data: no stage breakdown.
    expect(screen.queryByText(/Lead time by stage/)).not.toBeInTheDocument();
    expect(await screen.findByText('Data quality')).toBeInTheDocument();
    expect(screen.getByTestId('dora-finding-clock-skew')).toHaveTextContent(
      '1 commit committed after its deployment finished',
    );
  });

  it('shows lead-time stages when pull-request data exists', async () => {
    const api = mockDoraApi({
      getEntityMetrics: jest.fn().mockResolvedValue({
        ...workedExampleResponse,
        leadTime: {
          ...workedExampleResponse.leadTime,
          stages: {
            codingHours: 3,
            pickupHours: 1.5,
            reviewHours: null,
            deployHours: 2,
          },
        },
      }),
    });
    await renderOnEntityPage(<EntityDoraContent />, { api });

    expect(
      await screen.findByText('Lead time by stage (medians)'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('dora-stage-codingHours')).toHaveTextContent(
      '3 h',
    );
    expect(screen.getByTestId('dora-stage-reviewHours')).toHaveTextContent(
      'No data',
    );
  });

  it('says since when the history starts inside the window (spec v2)', async () => {
    const api = mockDoraApi({
      getEntityMetrics: jest.fn().mockResolvedValue(shortHistoryResponse),
    });
    await renderOnEntityPage(<EntityDoraContent />, { api });

    const frequency = await screen.findByTestId(
      'dora-metric-deploymentFrequency',
    );
    expect(frequency).toHaveTextContent('4 deployments since 4 Mar 2026');
  });

  it('shows a measured zero with its band, and "No data" only without samples', async () => {
    const api = mockDoraApi({
      getEntityMetrics: jest.fn().mockResolvedValue(emptyWindowResponse),
    });
    await renderOnEntityPage(<EntityDoraContent />, { api });

    const frequency = await screen.findByTestId(
      'dora-metric-deploymentFrequency',
    );
    expect(
      within(frequency).getByTestId('dora-metric-value'),
    ).toHaveTextContent('0 days/wk');
    expect(within(frequency).getByLabelText('band: low')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('dora-metric-leadTime')).getByTestId(
        'dora-metric-value',
      ),
    ).toHaveTextContent('No data');
  });

  it('explains how to wire an entity with nothing stored instead of "No data" tiles', async () => {
    const api = mockDoraApi({
      getEntityMetrics: jest.fn().mockResolvedValue(noEventsResponse),
    });
    await renderOnEntityPage(<EntityDoraContent />, { api });

    expect(
      await screen.findByText('No DORA events for this entity yet'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('dora-metric-value')).not.toBeInTheDocument();
  });

  it('shows automated changes left out and deployments with unknown commits', async () => {
    const api = mockDoraApi({
      getEntityMetrics: jest.fn().mockResolvedValue({
        ...workedExampleResponse,
        dataQuality: {
          ...workedExampleResponse.dataQuality,
          automatedChangesExcluded: 2,
          deploymentsWithUnknownCommits: 1,
        },
      }),
    });
    await renderOnEntityPage(<EntityDoraContent />, { api });

    expect(
      await screen.findByTestId('dora-finding-automated-changes'),
    ).toHaveTextContent('2 automated changes left out of lead time');
    expect(
      screen.getByTestId('dora-finding-unknown-commits'),
    ).toHaveTextContent('1 deployment shipped commits that are not known');
  });

  it('asks for the chosen granularity', async () => {
    const api = mockDoraApi();
    await renderOnEntityPage(<EntityDoraContent />, { api });
    await screen.findByTestId('dora-metric-leadTime');
    expect(api.getEntityMetrics).toHaveBeenLastCalledWith(
      expect.objectContaining({ granularity: 'week' }),
    );

    await userEvent.click(screen.getByRole('button', { name: /Granularity/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'By month' }),
    );

    await waitFor(() =>
      expect(api.getEntityMetrics).toHaveBeenLastCalledWith(
        expect.objectContaining({
          entityRef: CHECKOUT_REF,
          granularity: 'month',
        }),
      ),
    );
  });

  it('lists the deployments and incidents behind the numbers', async () => {
    const api = mockDoraApi();
    await renderOnEntityPage(<EntityDoraContent />, { api });

    const deployments = await screen.findByRole('region', {
      name: 'Events behind the numbers',
    });
    expect(await within(deployments).findByText('d3')).toBeInTheDocument();
    for (const id of ['d4', 'd2', 'd1']) {
      expect(within(deployments).getByText(id)).toBeInTheDocument();
    }
    expect(within(deployments).getByText('rollback of d3')).toBeInTheDocument();
    expect(within(deployments).getByText('c1 c2')).toBeInTheDocument();
    expect(
      within(deployments).getByRole('link', { name: /^Open deployment d4/ }),
    ).toHaveAttribute('href', 'https://ci.example.com/runs/d4');
    expect(await screen.findByText('Checkout 5xx')).toBeInTheDocument();
    expect(
      screen.getByText('github-actions:d2 (by latest deployment before it)'),
    ).toBeInTheDocument();
    expect(api.listDeployments).toHaveBeenCalledWith(
      expect.objectContaining({ entityRef: CHECKOUT_REF, limit: 25 }),
    );
  });

  it('expands a deployment to the commits it shipped', async () => {
    await renderOnEntityPage(<EntityDoraContent />, { api: mockDoraApi() });
    await screen.findByText('d1');

    // d1 is the fourth row (newest first).
    const toggles = screen.getAllByRole('button', {
      name: 'Detail panel visiblity toggle',
    });
    await userEvent.click(toggles[3]);

    const commits = await screen.findByRole('list', {
      name: 'Commits shipped by d1',
    });
    expect(commits).toHaveTextContent(
      'c1 committed 2026-03-02 08:00 UTC, lead time 4 h',
    );
    expect(commits).toHaveTextContent(
      'c2 committed 2026-03-01 12:00 UTC, lead time 24 h',
    );
  });

  it('pages with the cursor and goes back to the first page', async () => {
    const api = mockDoraApi({
      listDeployments: jest
        .fn()
        .mockResolvedValueOnce({
          items: workedExampleDeployments.slice(0, 2),
          nextCursor: 'cursor-2',
        })
        .mockResolvedValueOnce({
          items: workedExampleDeployments.slice(2),
          nextCursor: null,
        })
        .mockResolvedValue({
          items: workedExampleDeployments.slice(0, 2),
          nextCursor: 'cursor-2',
        }),
    });
    await renderOnEntityPage(<EntityDoraContent />, { api });
    await screen.findByText('d4');

    const next = screen.getByRole('button', {
      name: 'Next page of deployments',
    });
    await waitFor(() => expect(next).toBeEnabled());
    await userEvent.click(next);

    expect(await screen.findByText('d1')).toBeInTheDocument();
    expect(api.listDeployments).toHaveBeenLastCalledWith(
      expect.objectContaining({ entityRef: CHECKOUT_REF, cursor: 'cursor-2' }),
    );
    expect(screen.getByText('Page 2, newest first')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Next page of deployments' }),
    ).toBeDisabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'First page of deployments' }),
    );
    expect(await screen.findByText('d4')).toBeInTheDocument();
    expect(api.listDeployments).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: undefined }),
    );
  });

  it('downloads the shown page of deployments as a CSV blob', async () => {
    const createObjectURL = jest.fn(() => 'blob:dora');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await renderOnEntityPage(<EntityDoraContent />, { api: mockDoraApi() });
    await screen.findByText('d4');

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Export this page of deployments as CSV',
      }),
    );

    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const blob = (createObjectURL.mock.calls[0] as unknown[])[0] as Blob;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(click).toHaveBeenCalled();
    // Named after the entity, the window's days, the events and the page.
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toMatch(
      /^dora-component-default-checkout-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d-deployments-page-1\.csv$/,
    );
    click.mockRestore();
  });
});

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
import { NotFoundError, ResponseError } from '@backstage/errors';
import { TemplateMetricsResponse } from '@dora-metrics/plugin-dora-common';
import { screen, within } from '@testing-library/react';
import { doraApiRef } from '../../api';
import {
  checkoutService,
  mockDoraApi,
  nodeServiceTemplate,
  paymentsApiService,
  pooledTeamMetrics,
  WINDOW,
} from '../../__testUtils__/teamFixtures';
import { EntityDoraTemplateCard } from './EntityDoraTemplateCard';

const nodeServiceMetrics: TemplateMetricsResponse = {
  templateRef: 'template:default/node-service',
  title: 'Node service',
  entityCount: 2,
  hiddenEntityCount: 0,
  metrics: pooledTeamMetrics(),
  window: WINDOW,
  entities: [checkoutService, paymentsApiService],
};

/** What DoraClient throws for the backend's 404 (body as @backstage/errors sends it). */
function notFoundResponse(): Promise<ResponseError> {
  const body = JSON.stringify({
    error: {
      name: 'NotFoundError',
      message:
        'templateRef: no entity was created from template:default/node-service',
    },
    request: { method: 'GET', url: '/api/dora/v1/templates/metrics' },
    response: { statusCode: 404 },
  });
  return ResponseError.fromResponse({
    ok: false,
    status: 404,
    statusText: 'Not Found',
    url: 'http://localhost/api/dora/v1/templates/metrics',
    type: 'basic',
    redirected: false,
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => body,
  });
}

async function renderCard(api: ReturnType<typeof mockDoraApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[doraApiRef, api]]}>
      <EntityProvider entity={nodeServiceTemplate}>
        <EntityDoraTemplateCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityDoraTemplateCard', () => {
  it('shows the services made from the template and their pooled metrics', async () => {
    const api = mockDoraApi();
    api.getTemplateMetrics.mockResolvedValue(nodeServiceMetrics);
    await renderCard(api);

    const leadTime = await screen.findByTestId('dora-metric-leadTime');
    expect(within(leadTime).getByTestId('dora-metric-value')).toHaveTextContent(
      '20 h',
    );
    expect(within(leadTime).getByText('elite')).toBeInTheDocument();
    expect(
      screen.getByText(
        '2 services made from this template · 2 Mar 2026 – 8 Mar 2026',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Checkout' })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/dora',
    );
    expect(api.getTemplateMetrics).toHaveBeenCalledWith(
      expect.objectContaining({ templateRef: 'template:default/node-service' }),
    );
  });

  it('shows an empty state, not an error, for the backend 404', async () => {
    const api = mockDoraApi();
    api.getTemplateMetrics.mockRejectedValue(await notFoundResponse());
    await renderCard(api);
    expect(
      await screen.findByText('No service made from this template yet'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/no entity was created/)).not.toBeInTheDocument();
  });

  it('treats a NotFoundError the same way', async () => {
    const api = mockDoraApi();
    api.getTemplateMetrics.mockRejectedValue(new NotFoundError('no services'));
    await renderCard(api);
    expect(
      await screen.findByText('No service made from this template yet'),
    ).toBeInTheDocument();
  });

  it('shows other errors as errors', async () => {
    const api = mockDoraApi();
    api.getTemplateMetrics.mockRejectedValue(new Error('backend unavailable'));
    await renderCard(api);
    expect(
      (await screen.findAllByText(/backend unavailable/))[0],
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No service made from this template yet'),
    ).not.toBeInTheDocument();
  });
});

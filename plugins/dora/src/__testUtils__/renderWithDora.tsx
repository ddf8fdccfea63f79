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

import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import { DoraApi, doraApiRef } from '../api';
import { checkoutEntity, workedExampleResponse } from './workedExample';
import {
  cleanDataQualityReport,
  workedExampleDeployments,
  workedExampleIncidents,
} from './workedExampleEvents';

/** A DoraApi whose calls answer with the worked example unless overridden. */
export function mockDoraApi(
  overrides: Partial<jest.Mocked<DoraApi>> = {},
): jest.Mocked<DoraApi> {
  return {
    getEntityMetrics: jest.fn().mockResolvedValue(workedExampleResponse),
    getTeamMetrics: jest.fn().mockRejectedValue(new Error('not used')),
    getTemplateReport: jest.fn().mockRejectedValue(new Error('not used')),
    getTemplateMetrics: jest.fn().mockRejectedValue(new Error('not used')),
    listDeployments: jest
      .fn()
      .mockResolvedValue({ items: workedExampleDeployments, nextCursor: null }),
    listIncidents: jest
      .fn()
      .mockResolvedValue({ items: workedExampleIncidents, nextCursor: null }),
    getDataQuality: jest.fn().mockResolvedValue(cleanDataQualityReport),
    ...overrides,
  };
}

export const ENTITY_PAGE_PATH = '/catalog/default/component/checkout';

/**
 * Renders `ui` as a tab of an entity page would be: under an entity route
 * (so relative links resolve as they do in the app) inside an entity context.
 */
export function renderOnEntityPage(
  ui: ReactElement,
  options: { api: DoraApi; entity?: Entity },
) {
  return renderInTestApp(
    <TestApiProvider apis={[[doraApiRef, options.api]]}>
      <EntityProvider entity={options.entity ?? checkoutEntity}>
        <Routes>
          <Route path="/catalog/:namespace/:kind/:name/*" element={ui} />
        </Routes>
      </EntityProvider>
    </TestApiProvider>,
    { routeEntries: [ENTITY_PAGE_PATH] },
  );
}

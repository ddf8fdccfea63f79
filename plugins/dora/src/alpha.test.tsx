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
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import doraPlugin, {
  doraApi,
  doraTemplateReportPage,
  entityDoraCard,
  entityDoraContent,
  entityDoraTemplateCard,
  groupDoraCard,
  groupDoraContent,
} from './alpha';
import { DoraClient, doraApiRef } from './api';
import { mockDoraApi } from './__testUtils__/renderWithDora';
import {
  WINDOW,
  nodeServiceTemplate,
  paymentsGroup,
} from './__testUtils__/teamFixtures';
import {
  checkoutEntity,
  unannotatedEntity,
} from './__testUtils__/workedExample';
import { rootRouteRef } from './routes';

/** An extension's entity filter, which every card and tab here has. */
function definedFilter(
  filter: ((entity: Entity) => boolean) | undefined,
): (entity: Entity) => boolean {
  if (!filter) throw new Error('The extension has no entity filter function');
  return filter;
}

describe('the DORA plugin for the new frontend system', () => {
  it('registers every extension under the ID an app configures it by', () => {
    // The IDs are public: app-config enables, disables and orders by them.
    const ids = [
      'api:dora',
      'entity-card:dora/metrics',
      'entity-card:dora/group',
      'entity-card:dora/template',
      'entity-content:dora/metrics',
      'entity-content:dora/group',
      'page:dora',
    ] as const;
    for (const id of ids) {
      expect(() => doraPlugin.getExtension(id)).not.toThrow();
    }
    expect(doraPlugin.routes.report).toBe(rootRouteRef);
  });

  it('provides a DoraClient for the DORA API', () => {
    const factory = createExtensionTester(doraApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api).toBe(doraApiRef);
    expect(Object.values(factory.deps)).toEqual([discoveryApiRef, fetchApiRef]);
    const client = factory.factory({
      discoveryApi: { getBaseUrl: jest.fn() },
      fetchApi: { fetch: jest.fn() },
    });
    expect(client).toBeInstanceOf(DoraClient);
  });

  it('shows the entity card and tab only on entities DORA events can match', () => {
    const tab = createExtensionTester(entityDoraContent);
    const filters = [
      createExtensionTester(entityDoraCard).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      ),
      tab.get(EntityContentBlueprint.dataRefs.filterFunction),
    ].map(definedFilter);
    for (const shows of filters) {
      expect(shows(checkoutEntity)).toBe(true);
      expect(shows(unannotatedEntity)).toBe(false);
    }
    expect(tab.get(coreExtensionData.routePath)).toBe('/dora');
    expect(tab.get(EntityContentBlueprint.dataRefs.title)).toBe('DORA');
  });

  it('shows the group card and tab on groups only', () => {
    const filters = [
      createExtensionTester(groupDoraCard).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      ),
      createExtensionTester(groupDoraContent).get(
        EntityContentBlueprint.dataRefs.filterFunction,
      ),
    ].map(definedFilter);
    for (const shows of filters) {
      expect(shows(paymentsGroup)).toBe(true);
      expect(shows(checkoutEntity)).toBe(false);
    }
  });

  it('shows the template card on templates only', () => {
    const shows = definedFilter(
      createExtensionTester(entityDoraTemplateCard).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      ),
    );
    expect(shows(nodeServiceTemplate)).toBe(true);
    expect(shows(checkoutEntity)).toBe(false);
  });

  it('mounts the golden-path report at /dora on the legacy root route', async () => {
    const api = mockDoraApi({
      getTemplateReport: jest
        .fn()
        .mockResolvedValue({ window: WINDOW, templates: [] }),
    });
    const tester = createExtensionTester(doraTemplateReportPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/dora');
    expect(tester.get(coreExtensionData.routeRef)).toBe(rootRouteRef);

    await renderInTestApp(tester.reactElement(), {
      apis: [[doraApiRef, api]],
    });
    // The page's content is loaded lazily, as in an app: allow for the import.
    expect(
      await screen.findByText('No services yet', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Golden paths')).toBeInTheDocument();
    expect(api.getTemplateReport).toHaveBeenCalled();
  }, 20_000);
});

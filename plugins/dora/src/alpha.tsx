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

import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import Timeline from '@material-ui/icons/Timeline';
import { DoraClient, doraApiRef } from './api';
import { isDoraAvailable, isTemplate } from './filters';
import { rootRouteRef } from './routes';

/** The DORA API client, with the caller's Backstage credentials. @alpha */
export const doraApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: doraApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DoraClient(deps),
    }),
});

/** Overview card of an entity with DORA annotations: its five metrics. @alpha */
export const entityDoraCard = EntityCardBlueprint.make({
  name: 'metrics',
  params: {
    filter: isDoraAvailable,
    loader: () =>
      import('./components/EntityDoraCard').then(m => <m.EntityDoraCard />),
  },
});

/** Group overview card: the team's pooled metrics. @alpha */
export const groupDoraCard = EntityCardBlueprint.make({
  name: 'group',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./components/GroupDora').then(m => <m.GroupDoraCard />),
  },
});

/** Template page card: how services made from the template deliver. @alpha */
export const entityDoraTemplateCard = EntityCardBlueprint.make({
  name: 'template',
  params: {
    filter: isTemplate,
    loader: () =>
      import('./components/TemplateReport').then(m => (
        <m.EntityDoraTemplateCard />
      )),
  },
});

/** Entity tab: trends, lead-time stages, the events behind the numbers. @alpha */
export const entityDoraContent = EntityContentBlueprint.make({
  name: 'metrics',
  params: {
    path: '/dora',
    title: 'DORA',
    filter: isDoraAvailable,
    loader: () =>
      import('./components/EntityDoraContent').then(m => (
        <m.EntityDoraContent />
      )),
  },
});

/** Group tab: how the team's services deliver, pooled and one by one. @alpha */
export const groupDoraContent = EntityContentBlueprint.make({
  name: 'group',
  params: {
    path: '/dora',
    title: 'DORA',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/GroupDora').then(m => <m.GroupDoraContent />),
  },
});

/**
 * The golden-path report page, with a navigation item. It mounts the legacy
 * plugin's `rootRouteRef` (core-plugin-api route refs work in both systems),
 * so links made with it resolve in either app.
 * @alpha
 */
export const doraTemplateReportPage = PageBlueprint.make({
  params: {
    path: '/dora',
    title: 'Golden paths (DORA)',
    icon: <Timeline fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TemplateReport').then(m => (
        <m.DoraTemplateReportPage />
      )),
  },
});

/**
 * The DORA plugin for the new frontend system: entity card and tab (on
 * entities with DORA annotations), group card and tab, template card, and the
 * golden-path report page with a navigation item.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'dora',
  extensions: [
    doraApi,
    entityDoraCard,
    entityDoraContent,
    groupDoraCard,
    groupDoraContent,
    entityDoraTemplateCard,
    doraTemplateReportPage,
  ],
  routes: { report: rootRouteRef },
});

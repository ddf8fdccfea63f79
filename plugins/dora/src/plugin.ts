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

import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DoraClient, doraApiRef } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

// The extensions' types are spelled out so that the published declarations
// (and report.api.md) do not point at the unexported component modules.
import type { JSX } from 'react';

/** The DORA plugin for the legacy frontend system. @public */
export const doraPlugin = createPlugin({
  id: 'dora',
  apis: [
    createApiFactory({
      api: doraApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DoraClient(deps),
    }),
  ],
  routes: { root: rootRouteRef, entityContent: entityContentRouteRef },
});

/** Overview card: the five metrics of the current entity. @public */
export const EntityDoraCard: () => JSX.Element = doraPlugin.provide(
  createComponentExtension({
    name: 'EntityDoraCard',
    component: {
      lazy: () =>
        import('./components/EntityDoraCard').then(m => m.EntityDoraCard),
    },
  }),
);

/** Entity tab: trends, stages, the events behind the numbers. @public */
export const EntityDoraContent: () => JSX.Element = doraPlugin.provide(
  createRoutableExtension({
    name: 'EntityDoraContent',
    component: () =>
      import('./components/EntityDoraContent').then(m => m.EntityDoraContent),
    mountPoint: entityContentRouteRef,
  }),
);

/** Group page: how the team's services deliver. @public */
export const GroupDoraContent: () => JSX.Element = doraPlugin.provide(
  createComponentExtension({
    name: 'GroupDoraContent',
    component: {
      lazy: () =>
        import('./components/GroupDora').then(m => m.GroupDoraContent),
    },
  }),
);

/** Group overview card: the team's pooled metrics. @public */
export const GroupDoraCard: () => JSX.Element = doraPlugin.provide(
  createComponentExtension({
    name: 'GroupDoraCard',
    component: {
      lazy: () => import('./components/GroupDora').then(m => m.GroupDoraCard),
    },
  }),
);

/** Golden-path report: services by the template they were made from. @public */
export const DoraTemplateReportPage: () => JSX.Element = doraPlugin.provide(
  createRoutableExtension({
    name: 'DoraTemplateReportPage',
    component: () =>
      import('./components/TemplateReport').then(m => m.DoraTemplateReportPage),
    mountPoint: rootRouteRef,
  }),
);

/** Template page card: how services made from this template deliver. @public */
export const EntityDoraTemplateCard: () => JSX.Element = doraPlugin.provide(
  createComponentExtension({
    name: 'EntityDoraTemplateCard',
    component: {
      lazy: () =>
        import('./components/TemplateReport').then(
          m => m.EntityDoraTemplateCard,
        ),
    },
  }),
);

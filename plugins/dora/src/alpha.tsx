import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import Timeline from '@material-ui/icons/Timeline';
import { DoraClient, doraApiRef } from './api';
import { isDoraAvailable, isTemplate } from './filters';

const reportRouteRef = createRouteRef();

const doraApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: doraApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DoraClient(deps),
    }),
});

const entityCard = EntityCardBlueprint.make({
  name: 'metrics',
  params: {
    filter: isDoraAvailable,
    loader: () =>
      import('./components/EntityDoraCard').then(m => <m.EntityDoraCard />),
  },
});

const groupCard = EntityCardBlueprint.make({
  name: 'group',
  params: {
    filter: 'kind:group',
    loader: () =>
      import('./components/GroupDora').then(m => <m.GroupDoraCard />),
  },
});

const templateCard = EntityCardBlueprint.make({
  name: 'template',
  params: {
    filter: isTemplate,
    loader: () =>
      import('./components/TemplateReport').then(m => (
        <m.EntityDoraTemplateCard />
      )),
  },
});

const entityContent = EntityContentBlueprint.make({
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

const groupContent = EntityContentBlueprint.make({
  name: 'group',
  params: {
    path: '/dora',
    title: 'DORA',
    filter: 'kind:group',
    loader: () =>
      import('./components/GroupDora').then(m => <m.GroupDoraContent />),
  },
});

const reportPage = PageBlueprint.make({
  params: {
    path: '/dora',
    title: 'Golden paths (DORA)',
    icon: <Timeline fontSize="inherit" />,
    routeRef: reportRouteRef,
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
    entityCard,
    entityContent,
    groupCard,
    groupContent,
    templateCard,
    reportPage,
  ],
  routes: { report: reportRouteRef },
});

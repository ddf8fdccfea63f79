/**
 * DORA metrics for Backstage (legacy frontend system exports; the new
 * frontend system plugin is in `@dora-metrics/plugin-dora/alpha`).
 *
 * @packageDocumentation
 */
export {
  doraPlugin,
  DoraTemplateReportPage,
  EntityDoraCard,
  EntityDoraContent,
  EntityDoraTemplateCard,
  GroupDoraCard,
  GroupDoraContent,
} from './plugin';
export { doraApiRef, DoraClient } from './api';
export type { DoraApi, WindowQuery } from './api';
export { isDoraAvailable, isFromTemplate, isTemplate } from './filters';
export { entityContentRouteRef, rootRouteRef } from './routes';

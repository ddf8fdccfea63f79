import { createRouteRef } from '@backstage/core-plugin-api';

/** The golden-path report page (legacy frontend system). @public */
export const rootRouteRef = createRouteRef({ id: 'dora' });

/** The DORA tab of an entity page (legacy frontend system). @public */
export const entityContentRouteRef = createRouteRef({
  id: 'dora:entity-content',
});

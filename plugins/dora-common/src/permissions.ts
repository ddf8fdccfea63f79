import { createPermission } from '@backstage/plugin-permission-common';

/** Push deployments, changes and incidents into the DORA store. @public */
export const doraEventsCreatePermission = createPermission({
  name: 'dora.events.create',
  attributes: { action: 'create' },
});

/** Read DORA metrics and the events behind them. @public */
export const doraMetricsReadPermission = createPermission({
  name: 'dora.metrics.read',
  attributes: { action: 'read' },
});

/** Every permission the DORA plugin defines. @public */
export const doraPermissions = [
  doraEventsCreatePermission,
  doraMetricsReadPermission,
];

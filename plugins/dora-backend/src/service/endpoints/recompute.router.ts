import { doraEventsCreatePermission } from '@dora-metrics/plugin-dora-common';
import { EndpointDeps, DoraRouter } from './types';

/** `POST /v1/recompute`: re-derives every entity's facts from raw events. */
export function bindRecomputeEndpoint(
  router: DoraRouter,
  { authorize, auditor, deriver }: EndpointDeps,
) {
  router.post('/v1/recompute', async (req, res) => {
    await authorize(req, doraEventsCreatePermission, ['service']);
    const audit = await auditor.createEvent({
      eventId: 'dora-recompute',
      severityLevel: 'medium',
      request: req,
    });
    const result = await deriver.reconcile({ full: true });
    await audit.success({ meta: result });
    res.json(result);
  });
}

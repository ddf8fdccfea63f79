import { ConflictError } from '@backstage/errors';
import { doraEventsCreatePermission } from '@dora-metrics/plugin-dora-common';
import { EndpointDeps, DoraRouter } from './types';

/**
 * `POST /v1/recompute`: re-derives every entity's facts from raw events.
 * It reads every event, so it runs one at a time (per backend instance): a
 * second call while one runs answers 409 instead of doubling the load. Every
 * call is audited, the refused ones as failures.
 */
export function bindRecomputeEndpoint(
  router: DoraRouter,
  { authorize, auditor, deriver }: EndpointDeps,
) {
  let running = false;
  router.post('/v1/recompute', async (req, res) => {
    await authorize(req, doraEventsCreatePermission, ['service']);
    const audit = await auditor.createEvent({
      eventId: 'dora-recompute',
      severityLevel: 'medium',
      request: req,
    });
    if (running) {
      const error = new ConflictError(
        'recompute: one is already running; retry when it has finished',
      );
      await audit.fail({ error });
      throw error;
    }
    running = true;
    try {
      const result = await deriver.reconcile({ full: true });
      await audit.success({ meta: result });
      res.json(result);
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    } finally {
      running = false;
    }
  });
}

import { EndpointDeps, DoraRouter } from './types';
import { readRequest } from './readRequest';

/** `GET /v1/metrics`: one entity's metrics over the window. */
export function bindMetricsEndpoint(router: DoraRouter, deps: EndpointDeps) {
  router.get('/v1/metrics', async (req, res) => {
    const request = await readRequest(deps, req, req.query);
    const { entityRef, granularity = 'week' } = req.query;
    res.json(await deps.reports.entityMetrics(entityRef, granularity, request));
  });
}

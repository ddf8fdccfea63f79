import { EndpointDeps, DoraRouter } from './types';
import { readRequest } from './readRequest';

/** `GET /v1/templates/report` and `GET /v1/templates/metrics`. */
export function bindTemplatesEndpoints(router: DoraRouter, deps: EndpointDeps) {
  router.get('/v1/templates/report', async (req, res) => {
    const request = await readRequest(deps, req, req.query);
    res.json(await deps.templates.report(request));
  });

  router.get('/v1/templates/metrics', async (req, res) => {
    const request = await readRequest(deps, req, req.query);
    // An empty templateRef asks for the entities created from no template.
    res.json(
      await deps.templates.metrics(req.query.templateRef || null, request),
    );
  });
}

import { EndpointDeps, DoraRouter } from './types';
import { readRequest } from './readRequest';

/** `GET /v1/teams/metrics`: a team's entities pooled. */
export function bindTeamsEndpoint(router: DoraRouter, deps: EndpointDeps) {
  router.get('/v1/teams/metrics', async (req, res) => {
    const request = await readRequest(deps, req, req.query);
    const {
      groupRef,
      granularity = 'week',
      ownership = 'current',
      includeSubgroups = true,
    } = req.query;
    res.json(
      await deps.reports.teamMetrics(
        groupRef,
        { granularity, ownership, includeSubgroups },
        request,
      ),
    );
  });
}

import { EndpointDeps, DoraRouter } from './types';
import { withLeadTimes } from '../../reports/deploymentList';
import { readRequest } from './readRequest';

/**
 * `GET /v1/deployments` and `GET /v1/incidents`: an entity's events, newest
 * first, a page at a time.
 */
export function bindEventsEndpoints(router: DoraRouter, deps: EndpointDeps) {
  const { access, store } = deps;

  router.get('/v1/deployments', async (req, res) => {
    const { credentials, window } = await readRequest(deps, req, req.query);
    const { entityRef, limit = 50, cursor } = req.query;
    res.json(
      withLeadTimes(
        await store.listDeployments({
          entityRef: await access.readableRef(entityRef, credentials),
          ...window,
          limit,
          cursor,
        }),
      ),
    );
  });

  router.get('/v1/incidents', async (req, res) => {
    const { credentials, window } = await readRequest(deps, req, req.query);
    const { entityRef, limit = 50, cursor } = req.query;
    res.json(
      await store.listIncidents({
        entityRef: await access.readableRef(entityRef, credentials),
        ...window,
        limit,
        cursor,
      }),
    );
  });
}

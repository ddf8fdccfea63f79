import { doraMetricsReadPermission } from '@dora-metrics/plugin-dora-common';
import { EndpointDeps, DoraRouter } from './types';

/** `GET /v1/data-quality`: what keeps the numbers from being right. */
export function bindDataQualityEndpoint(
  router: DoraRouter,
  { authorize, dataQuality }: EndpointDeps,
) {
  router.get('/v1/data-quality', async (req, res) => {
    const credentials = await authorize(req, doraMetricsReadPermission, [
      'user',
      'service',
    ]);
    const { limit, cursor } = req.query;
    res.json(await dataQuality.report(credentials, { limit, cursor }));
  });
}

import { doraMetricsReadPermission } from '@dora-metrics/plugin-dora-common';
import { Request } from 'express';
import { Request as ReportRequest } from '../../reports/pools';
import { parseWindow } from '../../reports/window';
import { EndpointDeps } from './types';

/**
 * Every read route: users and services with `dora.metrics.read`, over the
 * `[from, to)` window of the query (400 naming `from` or `to` when invalid).
 */
export async function readRequest(
  { authorize, config }: Pick<EndpointDeps, 'authorize' | 'config'>,
  req: Request<any, any, any, any>,
  query: { from?: string; to?: string },
): Promise<ReportRequest> {
  const credentials = await authorize(req, doraMetricsReadPermission, [
    'user',
    'service',
  ]);
  return { credentials, window: parseWindow(query, config.timeZone) };
}

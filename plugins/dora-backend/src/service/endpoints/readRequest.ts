/*
 * Copyright 2026 The DORA Metrics for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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

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

import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { DoraApiClient } from '@dora-metrics/plugin-dora-common';
import { DoraApi } from './DoraApi';

/**
 * {@link DoraApi} over HTTP, with the caller's Backstage credentials: a thin
 * wrapper over dora-common's typed client. Throws a ResponseError for an
 * answer other than 2xx.
 * @public
 */
export class DoraClient implements DoraApi {
  private readonly client: DoraApiClient;

  constructor(deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new DoraApiClient(deps);
  }

  getEntityMetrics(query: Parameters<DoraApi['getEntityMetrics']>[0]) {
    return this.client.read('/v1/metrics', query);
  }

  getTeamMetrics(query: Parameters<DoraApi['getTeamMetrics']>[0]) {
    return this.client.read('/v1/teams/metrics', query);
  }

  getTemplateReport(query: Parameters<DoraApi['getTemplateReport']>[0]) {
    return this.client.read('/v1/templates/report', query);
  }

  getTemplateMetrics({
    templateRef,
    ...query
  }: Parameters<DoraApi['getTemplateMetrics']>[0]) {
    // The backend reads an empty templateRef as "created from no template".
    return this.client.read('/v1/templates/metrics', {
      ...query,
      templateRef: templateRef ?? '',
    });
  }

  listDeployments(query: Parameters<DoraApi['listDeployments']>[0]) {
    return this.client.read('/v1/deployments', query);
  }

  listIncidents(query: Parameters<DoraApi['listIncidents']>[0]) {
    return this.client.read('/v1/incidents', query);
  }

  getDataQuality() {
    return this.client.read('/v1/data-quality', {});
  }
}

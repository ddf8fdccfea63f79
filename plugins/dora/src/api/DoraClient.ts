import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { DoraApi } from './DoraApi';

type Query = Record<string, string | number | boolean | null | undefined>;

/** {@link DoraApi} over HTTP, with the caller's Backstage credentials. @public */
export class DoraClient implements DoraApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  private async get<T>(path: string, query: Query = {}): Promise<T> {
    const base = await this.deps.discoveryApi.getBaseUrl('dora');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      // null is meaningful for templateRef (no template) and is sent empty.
      if (value !== undefined)
        params.set(key, value === null ? '' : String(value));
    }
    const search = params.toString();
    const response = await this.deps.fetchApi.fetch(
      `${base}${path}${search ? `?${search}` : ''}`,
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }

  getEntityMetrics(query: Parameters<DoraApi['getEntityMetrics']>[0]) {
    return this.get<Awaited<ReturnType<DoraApi['getEntityMetrics']>>>(
      '/v1/metrics',
      query,
    );
  }

  getTeamMetrics(query: Parameters<DoraApi['getTeamMetrics']>[0]) {
    return this.get<Awaited<ReturnType<DoraApi['getTeamMetrics']>>>(
      '/v1/teams/metrics',
      query,
    );
  }

  getTemplateReport(query: Parameters<DoraApi['getTemplateReport']>[0]) {
    return this.get<Awaited<ReturnType<DoraApi['getTemplateReport']>>>(
      '/v1/templates/report',
      query,
    );
  }

  getTemplateMetrics(query: Parameters<DoraApi['getTemplateMetrics']>[0]) {
    return this.get<Awaited<ReturnType<DoraApi['getTemplateMetrics']>>>(
      '/v1/templates/metrics',
      query,
    );
  }

  listDeployments(query: Parameters<DoraApi['listDeployments']>[0]) {
    return this.get<Awaited<ReturnType<DoraApi['listDeployments']>>>(
      '/v1/deployments',
      query,
    );
  }

  listIncidents(query: Parameters<DoraApi['listIncidents']>[0]) {
    return this.get<Awaited<ReturnType<DoraApi['listIncidents']>>>(
      '/v1/incidents',
      query,
    );
  }

  getDataQuality() {
    return this.get<Awaited<ReturnType<DoraApi['getDataQuality']>>>(
      '/v1/data-quality',
    );
  }
}

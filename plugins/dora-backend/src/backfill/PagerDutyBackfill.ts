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

import {
  BackfillJob,
  BackfillPage,
  BackfillSource,
  DoraCatalogIndex,
} from '@dora-metrics/plugin-dora-node';
import { noObservations } from '../ingest/observations';
import { compact, idOf, list, obj, str } from '../webhooks/payloads';
import { ProviderHttp } from './ProviderHttp';

const LIMIT = 100;

/** One incident of the PagerDuty REST API, as the webhook would show it now. */
export function incidentFromApi(item: unknown) {
  const i = obj(item);
  const id = idOf(i?.id);
  const startedAt = str(i?.created_at);
  if (!i || !id || !startedAt) return undefined;
  const changedAt = str(i.last_status_change_at) ?? startedAt;
  return {
    observedAt: changedAt,
    // Open since its last change: a resolve stored from before then was
    // followed by a reopen, which the REST API does not list.
    ...(i.status !== 'resolved' ? { reopened: true } : {}),
    incident: compact({
      source: 'pagerduty',
      id,
      service: idOf(obj(i.service)?.id),
      title: str(i.title),
      severity: str(obj(i.priority)?.summary) ?? str(i.urgency),
      startedAt,
      resolvedAt:
        i.status === 'resolved' ? str(i.resolved_at) ?? changedAt : null,
      url: str(i.html_url),
    }),
  };
}

/**
 * PagerDuty incidents of each annotated service, oldest first, paged with
 * `offset` / `more` (the REST API's classic pagination).
 */
export class PagerDutyBackfill implements BackfillSource {
  readonly source = 'pagerduty';
  readonly steps = ['incidents'] as const;

  constructor(
    private readonly deps: {
      http: ProviderHttp;
      apiBaseUrl: string;
      token: string;
    },
  ) {}

  targets(index: DoraCatalogIndex): string[] {
    const services = new Set<string>();
    for (const e of index.entities()) {
      if (e.pagerDutyServiceId) services.add(e.pagerDutyServiceId);
    }
    return [...services].sort();
  }

  async fetchPage(
    job: BackfillJob,
    signal?: AbortSignal,
  ): Promise<BackfillPage> {
    const offset = (job.cursor as { offset?: number } | null)?.offset ?? 0;
    const url = new URL(`${this.deps.apiBaseUrl.replace(/\/$/, '')}/incidents`);
    url.searchParams.append('service_ids[]', job.target);
    url.searchParams.set('since', new Date(job.since).toISOString());
    url.searchParams.set('until', new Date(job.runStartedAt).toISOString());
    url.searchParams.set('sort_by', 'created_at:asc');
    url.searchParams.set('limit', String(LIMIT));
    url.searchParams.set('offset', String(offset));
    url.searchParams.set('total', 'true');
    const { body } = await this.deps.http.getJson(
      url.toString(),
      {
        Accept: 'application/vnd.pagerduty+json;version=2',
        Authorization: `Token token=${this.deps.token}`,
      },
      signal,
    );
    const page = obj(body);
    const incidents = list(page?.incidents);
    const out = noObservations();
    for (const item of incidents) {
      const observation = incidentFromApi(item);
      if (observation) out.incidents.push(observation);
    }
    const total = typeof page?.total === 'number' ? page.total : undefined;
    return {
      observations: out,
      cursor:
        page?.more === true && incidents.length > 0
          ? { offset: offset + incidents.length }
          : null,
      pagesTotal: total === undefined ? undefined : Math.ceil(total / LIMIT),
      items: incidents.length,
    };
  }
}

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

import { noObservations, Observations } from '../ingest/observations';
import { compact, idOf, obj, str } from './payloads';

const SOURCE = 'pagerduty';

/**
 * What one PagerDuty v3 webhook tells. Every `incident.*` event whose data is
 * the incident itself (triggered, acknowledged, unacknowledged, escalated,
 * reassigned, priority_updated, resolved, reopened...) refreshes it; a
 * resolution sets `resolvedAt` to the time it happened, and a reopen makes
 * it open again from the time it happened (see mergeIncident). Pure.
 */
export function mapPagerDutyEvent(payload: unknown): Observations {
  const out = noObservations();
  const event = obj(obj(payload)?.event);
  const incident = obj(event?.data);
  const eventType = str(event?.event_type) ?? '';
  const occurredAt = str(event?.occurred_at);
  if (!event || !incident || !occurredAt) return out;
  if (!eventType.startsWith('incident.') || incident.type !== 'incident')
    return out;
  const id = idOf(incident.id);
  const startedAt = str(incident.created_at);
  if (!id || !startedAt) return out;
  const resolved =
    eventType === 'incident.resolved' || incident.status === 'resolved';
  out.incidents.push({
    observedAt: occurredAt,
    // Open again from then: an older resolve, delivered late, does not close it.
    ...(eventType === 'incident.reopened' ? { reopened: true } : {}),
    incident: compact({
      source: SOURCE,
      id,
      service: idOf(obj(incident.service)?.id),
      title: str(incident.title),
      severity: str(obj(incident.priority)?.summary) ?? str(incident.urgency),
      startedAt,
      resolvedAt: resolved ? str(incident.resolved_at) ?? occurredAt : null,
      url: str(incident.html_url),
    }),
  });
  return out;
}

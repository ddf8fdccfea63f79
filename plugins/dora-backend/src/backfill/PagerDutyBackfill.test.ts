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

import { mergeIncident } from '../ingest/merge';
import { incidentFromApi } from './PagerDutyBackfill';

// An incident of PagerDuty's REST answer (GET /incidents), trimmed.
const apiIncident = (status: string, lastChange: string) => ({
  id: 'Q1ABC',
  type: 'incident',
  status,
  created_at: '2026-03-03T10:00:00Z',
  last_status_change_at: lastChange,
  ...(status === 'resolved' ? { resolved_at: lastChange } : {}),
  service: { id: 'PCHK001', type: 'service_reference' },
  title: 'Checkout 5xx',
  urgency: 'high',
});

describe('incidentFromApi', () => {
  it('reads an incident open again after a stored resolve as reopened', () => {
    const resolvedByWebhook = mergeIncident(
      undefined,
      incidentFromApi(apiIncident('resolved', '2026-03-03T11:00:00Z'))!,
    );
    expect(resolvedByWebhook.resolvedAt).toBe('2026-03-03T11:00:00Z');
    // Acknowledged at 12:00: it was reopened in between.
    const backfilled = incidentFromApi(
      apiIncident('acknowledged', '2026-03-03T12:00:00Z'),
    )!;
    expect(backfilled.reopened).toBe(true);
    expect(mergeIncident(resolvedByWebhook, backfilled).resolvedAt).toBe(null);
  });

  it('keeps a resolved incident resolved', () => {
    const resolved = incidentFromApi(
      apiIncident('resolved', '2026-03-03T11:00:00Z'),
    )!;
    expect(resolved.reopened).toBeUndefined();
    expect(resolved.incident.resolvedAt).toBe('2026-03-03T11:00:00Z');
  });
});

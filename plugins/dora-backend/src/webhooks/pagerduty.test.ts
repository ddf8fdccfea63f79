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

import { mapPagerDutyEvent } from './pagerduty';
import {
  pagerDutyIncidentEvent,
  SERVICE_ID,
} from './__testUtils__/fixtures/pagerduty';

const base = {
  eventId: '01DEN3XJYM4FTYSUQPRJMUSLKQ',
  incidentId: 'PGR0VU2',
  createdAt: '2026-03-03T10:00:00Z',
};

describe('mapPagerDutyEvent', () => {
  it('maps a triggered incident, with or without the optional fields', () => {
    for (const minimal of [false, true]) {
      const [o] = mapPagerDutyEvent(
        pagerDutyIncidentEvent({
          ...base,
          eventType: 'incident.triggered',
          occurredAt: '2026-03-03T10:00:00Z',
          status: 'triggered',
          minimal,
        }),
      ).incidents;
      expect(o).toEqual({
        observedAt: '2026-03-03T10:00:00Z',
        incident: {
          source: 'pagerduty',
          id: 'PGR0VU2',
          service: SERVICE_ID,
          title: 'Checkout 5xx',
          startedAt: '2026-03-03T10:00:00Z',
          resolvedAt: null,
          ...(minimal
            ? {}
            : {
                severity: 'P1',
                url: 'https://acme.pagerduty.com/incidents/PGR0VU2',
              }),
        },
      });
    }
  });

  it('resolves at the time the resolution happened', () => {
    const [o] = mapPagerDutyEvent(
      pagerDutyIncidentEvent({
        ...base,
        eventType: 'incident.resolved',
        occurredAt: '2026-03-03T12:30:00Z',
        status: 'resolved',
      }),
    ).incidents;
    expect(o.incident.resolvedAt).toBe('2026-03-03T12:30:00Z');
  });

  it('ignores events whose data is not the incident', () => {
    const annotated = pagerDutyIncidentEvent({
      ...base,
      eventType: 'incident.annotated',
      occurredAt: '2026-03-03T10:10:00Z',
      status: 'triggered',
    }) as any;
    annotated.event.data = {
      incident: { id: 'PGR0VU2', type: 'incident_reference' },
      content: 'Rolled back',
      type: 'incident_note',
    };
    expect(mapPagerDutyEvent(annotated).incidents).toEqual([]);
    expect(mapPagerDutyEvent({}).incidents).toEqual([]);
  });
});

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

import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import eventsPlugin from '@backstage/plugin-events-backend';
import { EventParams, eventsServiceRef } from '@backstage/plugin-events-node';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { eventsModulePagerduty } from './module';

// Shape of PagerDuty's v3 webhook documentation (incident.resolved).
const body = JSON.stringify({
  event: {
    id: '01DEN3XJYM4FTYSUQPRJMUSLKQ',
    event_type: 'incident.resolved',
    resource_type: 'incident',
    occurred_at: '2026-03-03T12:30:00.000Z',
    agent: null,
    client: null,
    data: {
      id: 'PGR0VU2',
      type: 'incident',
      self: 'https://api.pagerduty.com/incidents/PGR0VU2',
      html_url: 'https://acme.pagerduty.com/incidents/PGR0VU2',
      number: 2,
      status: 'resolved',
      incident_key: 'd3640fbd41094207a1c11e58e46b1662',
      created_at: '2026-03-03T10:00:00Z',
      title: 'Checkout 5xx',
      service: {
        html_url: 'https://acme.pagerduty.com/services/PF9KMXH',
        id: 'PF9KMXH',
        self: 'https://api.pagerduty.com/services/PF9KMXH',
        summary: 'checkout',
        type: 'service_reference',
      },
      assignees: [],
      escalation_policy: null,
      teams: [],
      priority: null,
      urgency: 'high',
      conference_bridge: null,
      resolve_reason: null,
    },
  },
});

const sign = (secret: string) =>
  `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;

async function start(secrets?: string[]) {
  const received: EventParams[] = [];
  const subscriber = createBackendModule({
    pluginId: 'events',
    moduleId: 'test-subscriber',
    register(reg) {
      reg.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          await events.subscribe({
            id: 'test',
            topics: ['pagerduty'],
            onEvent: async params => {
              received.push(params);
            },
          });
        },
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      eventsPlugin,
      eventsModulePagerduty,
      subscriber,
      mockServices.rootConfig.factory({
        data: {
          events: {
            useEventBus: 'never',
            modules: { pagerduty: { webhookSecrets: secrets } },
          },
        },
      }),
    ],
  });
  const post = (signature?: string) => {
    const req = request(server)
      .post('/api/events/http/pagerduty')
      .set('Content-Type', 'application/json');
    if (signature) req.set('X-PagerDuty-Signature', signature);
    return req.send(body);
  };
  return { post, received };
}

describe('eventsModulePagerduty', () => {
  it('publishes a correctly signed webhook on the pagerduty topic', async () => {
    const { post, received } = await start(['s3cret']);
    const res = await post(sign('s3cret'));
    expect(res.status).toBe(202);
    expect(received).toHaveLength(1);
    expect(received[0].topic).toBe('pagerduty');
    expect(received[0].eventPayload).toEqual(JSON.parse(body));
  });

  it('accepts any of several signatures while a secret rotates', async () => {
    const { post, received } = await start(['new-secret']);
    const res = await post(`${sign('old-secret')},${sign('new-secret')}`);
    expect(res.status).toBe(202);
    expect(received).toHaveLength(1);
  });

  it('accepts a signature of any configured secret', async () => {
    const { post } = await start(['old-secret', 'new-secret']);
    expect((await post(sign('old-secret'))).status).toBe(202);
  });

  it('refuses a wrong or missing signature and publishes nothing', async () => {
    const { post, received } = await start(['s3cret']);
    const wrong = await post(sign('not-the-secret'));
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual({ message: 'invalid signature' });
    expect((await post()).status).toBe(403);
    expect((await post('v1=zz')).status).toBe(403);
    expect(received).toHaveLength(0);
  });

  it('registers no route without a secret, rather than an unsigned one', async () => {
    const { post, received } = await start(undefined);
    expect((await post(sign('anything'))).status).toBe(404);
    expect(received).toHaveLength(0);
  });
});

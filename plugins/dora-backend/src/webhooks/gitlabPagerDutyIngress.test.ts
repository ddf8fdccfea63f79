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
  gitlabDeployment,
  gitlabIncident,
  gitlabMergeRequest,
  gitlabPush,
  minimalGitlabDeployment,
  SHA_A,
  SHA_B,
  SHA_C,
} from './__testUtils__/fixtures/gitlab';
import { pagerDutyIncidentEvent } from './__testUtils__/fixtures/pagerduty';
import { startWebhookBackend } from './__testUtils__/webhookBackend';

jest.setTimeout(60_000);

const window = { from: '2026-03-01', to: '2026-04-01' };

describe('GitLab webhooks through the events backend', () => {
  it('stores deployments, commits and merge requests with lead time', async () => {
    const backend = await startWebhookBackend();
    const sent = [
      // Out of order: the later deployment and the merge before the push.
      minimalGitlabDeployment(2, 'success', '2026-03-02 14:00:00 +0100', SHA_C),
      gitlabMergeRequest({
        iid: 7,
        action: 'merge',
        actorId: 1,
        createdAt: '2026-03-02 09:00:00 UTC',
        updatedAt: '2026-03-02 11:00:00 UTC',
        mergeCommitSha: SHA_C,
      }),
      gitlabDeployment(1, 'running', '2026-03-02 09:55:00 +0100', SHA_A),
      gitlabDeployment(1, 'success', '2026-03-02 10:00:00 +0100', SHA_A),
      gitlabPush(SHA_A, [
        { id: SHA_B, timestamp: '2026-03-02T08:30:00+00:00' },
        { id: SHA_C, timestamp: '2026-03-02T11:00:00+00:00' },
      ]),
      gitlabMergeRequest({
        iid: 7,
        action: 'approved',
        actorId: 2,
        createdAt: '2026-03-02 09:00:00 UTC',
        updatedAt: '2026-03-02 10:00:00 UTC',
      }),
      // A running state arriving after success changes nothing.
      gitlabDeployment(2, 'running', '2026-03-02 13:50:00 +0100', SHA_C),
    ];
    for (const payload of sent) {
      expect((await backend.gitlab(payload)).status).toBe(202);
    }

    const { items } = await backend.read('deployments', window);
    expect(
      items.map((d: any) => [d.id, d.status, d.finishedAt, d.startedAt]),
    ).toEqual([
      ['2', 'success', '2026-03-02T13:00:00.000Z', null],
      ['1', 'success', '2026-03-02T09:00:00.000Z', null],
    ]);
    const metrics = await backend.read('metrics', window);
    // Deployment 2 (13:00Z) shipped B (08:30Z) and C (11:00Z).
    expect(metrics.leadTime).toMatchObject({
      samples: 2,
      medianHours: 3.25,
      stages: { pickupHours: 1, reviewHours: 1, deployHours: 2 },
    });
  });

  it('refuses a wrong token and stores nothing', async () => {
    const backend = await startWebhookBackend();
    const res = await backend.gitlab(
      gitlabDeployment(1, 'success', '2026-03-02 10:00:00 +0100', SHA_A),
      { token: 'wrong' },
    );
    expect(res.status).toBe(403);
    expect((await backend.read('deployments', window)).items).toEqual([]);
  });

  it('keeps an incident resolved when its opening arrives late, in both hook versions', async () => {
    const backend = await startWebhookBackend();
    await backend.gitlab(
      gitlabIncident({
        iid: 3,
        state: 'closed',
        createdAt: '2026-03-03T10:00:00Z',
        updatedAt: '2026-03-03T12:30:00Z',
        closedAt: '2026-03-03T12:30:00Z',
      }),
    );
    await backend.gitlab(
      gitlabIncident({
        iid: 3,
        state: 'opened',
        createdAt: '2026-03-03T10:00:00Z',
        updatedAt: '2026-03-03T10:00:00Z',
        legacyType: true,
      }),
    );
    const { items } = await backend.read('incidents', window);
    expect(items).toEqual([
      expect.objectContaining({
        source: 'gitlab',
        id: 'acme/checkout#3',
        severity: 'high',
        resolvedAt: '2026-03-03T12:30:00.000Z',
      }),
    ]);
  });
});

describe('GitLab reverts and reopened incidents through the events backend', () => {
  it('fails the deployment of a merge request reverted with the revert button', async () => {
    const backend = await startWebhookBackend();
    const sent = [
      // The revert commit GitLab writes, pushed and deployed before the
      // merge request it reverts is even known.
      gitlabPush(SHA_B, [
        {
          id: SHA_C,
          timestamp: '2026-03-02T14:00:00+00:00',
          message: `Revert "Merge branch 'tax' into 'main'"\n\nThis reverts merge request !7`,
        },
      ]),
      gitlabDeployment(3, 'success', '2026-03-02 15:00:00 UTC', SHA_C),
      gitlabDeployment(1, 'success', '2026-03-02 10:00:00 UTC', SHA_A),
      gitlabMergeRequest({
        iid: 7,
        action: 'merge',
        actorId: 1,
        createdAt: '2026-03-02 09:00:00 UTC',
        updatedAt: '2026-03-02 11:00:00 UTC',
        mergeCommitSha: SHA_B,
      }),
      gitlabPush(SHA_A, [
        { id: SHA_B, timestamp: '2026-03-02T11:00:00+00:00' },
      ]),
      gitlabDeployment(2, 'success', '2026-03-02 12:00:00 UTC', SHA_B),
    ];
    for (const payload of sent) {
      expect((await backend.gitlab(payload)).status).toBe(202);
    }
    const metrics = await backend.read('metrics', window);
    expect(metrics.changeFailureRate).toMatchObject({ failed: 1, total: 3 });
    expect(metrics.reworkRate).toMatchObject({ unplanned: 1, total: 3 });
    // Deployment 2 (12:00) recovered when the revert was deployed (15:00).
    expect(metrics.recoveryTime).toMatchObject({ medianHours: 3, samples: 1 });
  });

  it('reads a revert merge request by its title and description', async () => {
    const backend = await startWebhookBackend();
    const sent = [
      gitlabDeployment(1, 'success', '2026-03-02 10:00:00 UTC', SHA_A),
      gitlabPush(SHA_A, [
        { id: SHA_B, timestamp: '2026-03-02T11:00:00+00:00' },
        { id: SHA_C, timestamp: '2026-03-02T14:00:00+00:00' },
      ]),
      gitlabDeployment(2, 'success', '2026-03-02 12:00:00 UTC', SHA_B),
      gitlabDeployment(3, 'success', '2026-03-02 15:00:00 UTC', SHA_C),
      gitlabMergeRequest({
        iid: 8,
        action: 'merge',
        actorId: 1,
        createdAt: '2026-03-02 13:00:00 UTC',
        updatedAt: '2026-03-02 14:00:00 UTC',
        mergeCommitSha: SHA_C,
        title: `Revert "Merge branch 'tax' into 'main'"`,
        description: `This reverts commit ${SHA_B}`,
      }),
    ];
    for (const payload of sent) {
      expect((await backend.gitlab(payload)).status).toBe(202);
    }
    const metrics = await backend.read('metrics', window);
    expect(metrics.changeFailureRate).toMatchObject({ failed: 1, total: 3 });
    expect(metrics.recoveryTime).toMatchObject({ medianHours: 3, samples: 1 });
  });

  it('opens a reopened incident again, and a close older than the reopen does not close it', async () => {
    const hooks = {
      opened: gitlabIncident({
        iid: 3,
        state: 'opened',
        createdAt: '2026-03-03T10:00:00Z',
        updatedAt: '2026-03-03T10:00:00Z',
      }),
      closed: gitlabIncident({
        iid: 3,
        state: 'closed',
        createdAt: '2026-03-03T10:00:00Z',
        updatedAt: '2026-03-03T11:00:00Z',
        closedAt: '2026-03-03T11:00:00Z',
      }),
      reopened: gitlabIncident({
        iid: 3,
        state: 'opened',
        action: 'reopen',
        createdAt: '2026-03-03T10:00:00Z',
        updatedAt: '2026-03-03T12:00:00Z',
      }),
      closedAgain: gitlabIncident({
        iid: 3,
        state: 'closed',
        createdAt: '2026-03-03T10:00:00Z',
        updatedAt: '2026-03-03T13:00:00Z',
        closedAt: '2026-03-03T13:00:00Z',
      }),
    };
    const resolvedAfter = async (order: unknown[]) => {
      const backend = await startWebhookBackend();
      for (const payload of order) await backend.gitlab(payload);
      const { items } = await backend.read('incidents', window);
      expect(items).toHaveLength(1);
      return items[0].resolvedAt;
    };
    expect(
      await resolvedAfter([hooks.reopened, hooks.closed, hooks.opened]),
    ).toBeNull();
    expect(
      await resolvedAfter([
        hooks.closedAgain,
        hooks.reopened,
        hooks.closed,
        hooks.opened,
      ]),
    ).toBe('2026-03-03T13:00:00.000Z');
  });
});

describe('PagerDuty webhooks through the events backend', () => {
  const event = (
    eventId: string,
    eventType: string,
    occurredAt: string,
    status: 'triggered' | 'acknowledged' | 'resolved',
    minimal = false,
  ) =>
    pagerDutyIncidentEvent({
      eventId,
      eventType,
      occurredAt,
      incidentId: 'Q1ABC',
      status,
      createdAt: '2026-03-03T10:00:00Z',
      minimal,
    });

  it('ends resolved when the resolve arrives before the trigger, and a redelivery changes nothing', async () => {
    const backend = await startWebhookBackend();
    const resolved = event(
      'E3',
      'incident.resolved',
      '2026-03-03T12:30:00Z',
      'resolved',
      true,
    );
    for (const payload of [
      resolved,
      event(
        'E2',
        'incident.acknowledged',
        '2026-03-03T10:05:00Z',
        'acknowledged',
      ),
      event('E1', 'incident.triggered', '2026-03-03T10:00:00Z', 'triggered'),
    ]) {
      expect((await backend.pagerduty(payload)).status).toBe(202);
    }
    const before = await backend.read('incidents', window);
    expect(before.items).toEqual([
      expect.objectContaining({
        source: 'pagerduty',
        id: 'Q1ABC',
        startedAt: '2026-03-03T10:00:00.000Z',
        resolvedAt: '2026-03-03T12:30:00.000Z',
      }),
    ]);
    const metrics = await backend.read('metrics', window);
    expect(metrics.recoveryTime).toMatchObject({
      timeToRestoreMedianHours: 2.5,
      openIncidents: 0,
    });

    // The same event id again, even with other content, is not applied.
    const replay = event(
      'E3',
      'incident.reopened',
      '2026-03-03T13:00:00Z',
      'triggered',
    );
    replay.event.data.title = 'Renamed';
    await backend.pagerduty(replay);
    expect(await backend.read('incidents', window)).toEqual(before);
  });

  it('counts an incident that is still open as open', async () => {
    const backend = await startWebhookBackend();
    await backend.pagerduty(
      event(
        'E1',
        'incident.triggered',
        '2026-03-03T10:00:00Z',
        'triggered',
        true,
      ),
    );
    const metrics = await backend.read('metrics', window);
    expect(metrics.recoveryTime.openIncidents).toBe(1);
    expect(metrics.recoveryTime.timeToRestoreMedianHours).toBeNull();
  });
  it('opens a reopened incident again and resolves it at the last resolve, in any delivery order', async () => {
    const events = [
      event('E1', 'incident.triggered', '2026-03-03T10:00:00Z', 'triggered'),
      event('E2', 'incident.resolved', '2026-03-03T11:00:00Z', 'resolved'),
      event('E3', 'incident.reopened', '2026-03-03T12:00:00Z', 'triggered'),
      event('E4', 'incident.resolved', '2026-03-03T14:00:00Z', 'resolved'),
    ];
    const stateAfter = async (order: typeof events) => {
      const backend = await startWebhookBackend();
      for (const payload of order) {
        expect((await backend.pagerduty(payload)).status).toBe(202);
      }
      return {
        incidents: (await backend.read('incidents', window)).items,
        recovery: (await backend.read('metrics', window)).recoveryTime,
      };
    };

    const reopened = await stateAfter(events.slice(0, 3));
    expect(reopened.incidents).toEqual([
      expect.objectContaining({ resolvedAt: null }),
    ]);
    expect(reopened.recovery.openIncidents).toBe(1);

    const inOrder = await stateAfter(events);
    expect(inOrder.incidents).toEqual([
      expect.objectContaining({
        id: 'Q1ABC',
        startedAt: '2026-03-03T10:00:00.000Z',
        resolvedAt: '2026-03-03T14:00:00.000Z',
      }),
    ]);
    // Counted once, restored four hours after it started.
    expect(inOrder.recovery).toMatchObject({
      timeToRestoreSamples: 1,
      timeToRestoreMedianHours: 4,
      openIncidents: 0,
    });
    // Out of order, the first resolve last and redelivered: the same.
    const [triggered, first, reopen, last] = events;
    expect(await stateAfter([last, reopen, triggered, first, first])).toEqual(
      inOrder,
    );
    // Without the last resolve, the late first resolve leaves it open.
    expect((await stateAfter([reopen, triggered, first])).incidents).toEqual([
      expect.objectContaining({ resolvedAt: null }),
    ]);
  });
});

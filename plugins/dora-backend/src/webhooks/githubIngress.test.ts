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

import { githubExample } from './__testUtils__/fixtures/githubExamples';
import { startWebhookBackend } from './__testUtils__/webhookBackend';

jest.setTimeout(60_000);

const window = { from: '2019-05-01', to: '2019-06-01' };
const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);
const SHA_C = 'c'.repeat(40);

/** The success status to production from @octokit/webhooks-examples. */
const productionSuccess = () =>
  githubExample(
    'deployment_status',
    e =>
      e.deployment_status.state === 'success' &&
      e.deployment.environment === 'production',
  );

function status(options: {
  deploymentId: number;
  sha: string;
  state: string;
  at: string;
}) {
  const payload = productionSuccess();
  payload.deployment.id = options.deploymentId;
  payload.deployment.sha = options.sha;
  payload.deployment.created_at = options.at;
  payload.deployment_status.state = options.state;
  payload.deployment_status.created_at = options.at;
  payload.deployment_status.updated_at = options.at;
  return payload;
}

describe('GitHub webhooks through the events backend', () => {
  it('stores a signed deployment_status and counts it', async () => {
    const backend = await startWebhookBackend();
    const res = await backend.github('deployment_status', productionSuccess());
    expect(res.status).toBe(202);

    const { items } = await backend.read('deployments', window);
    expect(items).toEqual([
      expect.objectContaining({
        source: 'github',
        id: '145988746',
        environment: 'production',
        status: 'success',
        sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
        finishedAt: '2019-05-15T15:20:55.000Z',
        counted: true,
      }),
    ]);
    const metrics = await backend.read('metrics', window);
    expect(metrics.deploymentFrequency.count).toBe(1);
  });

  it('refuses a wrong signature and stores nothing', async () => {
    const backend = await startWebhookBackend();
    const res = await backend.github('deployment_status', productionSuccess(), {
      secret: 'not-the-secret',
    });
    expect(res.status).toBe(403);
    expect((await backend.read('deployments', window)).items).toEqual([]);
    const metrics = await backend.read('metrics', window);
    expect(metrics.deploymentFrequency.count).toBe(0);
  });

  it('ends right when a status comes before its deployment and an older status comes last', async () => {
    const backend = await startWebhookBackend();
    await backend.github('deployment_status', productionSuccess());
    await backend.github('deployment', githubExample('deployment'));
    const older = productionSuccess();
    older.deployment_status.state = 'in_progress';
    older.deployment_status.created_at = '2019-05-15T15:20:54Z';
    await backend.github('deployment_status', older);
    // An older final state (a failed first attempt) does not win either.
    const olderFailure = productionSuccess();
    olderFailure.deployment_status.state = 'failure';
    olderFailure.deployment_status.created_at = '2019-05-15T15:20:54Z';
    await backend.github('deployment_status', olderFailure);

    const { items } = await backend.read('deployments', window);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      status: 'success',
      startedAt: '2019-05-15T15:20:53.000Z',
      finishedAt: '2019-05-15T15:20:55.000Z',
    });
  });

  it('applies a delivery id once: a redelivery changes nothing', async () => {
    const backend = await startWebhookBackend();
    await backend.github('deployment_status', productionSuccess(), {
      delivery: 'delivery-1',
    });
    const before = await backend.read('deployments', window);
    await backend.github('deployment_status', productionSuccess(), {
      delivery: 'delivery-1',
    });
    // Even a changed body under the same delivery id is not applied again.
    const changed = status({
      deploymentId: 145988746,
      sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      state: 'failure',
      at: '2019-05-15T16:00:00Z',
    });
    const res = await backend.github('deployment_status', changed, {
      delivery: 'delivery-1',
    });
    expect(res.status).toBe(202);
    expect(await backend.read('deployments', window)).toEqual(before);
  });

  it('measures lead time and its stages from push, pull request and review events in any order', async () => {
    const backend = await startWebhookBackend();
    const d0 = status({
      deploymentId: 1001,
      sha: SHA_A,
      state: 'success',
      at: '2019-05-15T10:00:00Z',
    });
    const d1 = status({
      deploymentId: 1002,
      sha: SHA_C,
      state: 'success',
      at: '2019-05-15T13:00:00Z',
    });

    const push = githubExample(
      'push',
      e => e.ref === 'refs/heads/master' && e.commits.length === 1,
    );
    push.before = SHA_A;
    push.after = SHA_C;
    push.created = false;
    push.commits[0].id = SHA_C;
    push.commits[0].timestamp = '2019-05-15T12:00:00Z';
    push.head_commit = push.commits[0];

    const opened = githubExample('pull_request', e => e.action === 'opened');
    opened.pull_request.created_at = '2019-05-15T11:00:00Z';
    const review = githubExample(
      'pull_request_review',
      e => e.action === 'submitted',
    );
    review.review.user.login = 'hubot';
    review.review.submitted_at = '2019-05-15T11:30:00Z';
    review.pull_request.created_at = '2019-05-15T11:00:00Z';
    const merged = githubExample('pull_request', e => e.action === 'closed');
    merged.pull_request.created_at = '2019-05-15T11:00:00Z';
    merged.pull_request.merged = true;
    merged.pull_request.merged_at = '2019-05-15T12:00:00Z';
    merged.pull_request.merge_commit_sha = SHA_C;

    for (const [event, payload] of [
      ['deployment_status', d0],
      ['deployment_status', d1],
      ['pull_request', merged],
      ['push', push],
      ['pull_request_review', review],
      ['pull_request', opened],
    ] as const) {
      expect((await backend.github(event, payload)).status).toBe(202);
    }

    const metrics = await backend.read('metrics', window);
    expect(metrics.deploymentFrequency.count).toBe(2);
    expect(metrics.leadTime).toMatchObject({
      medianHours: 1,
      samples: 1,
      stages: { pickupHours: 0.5, reviewHours: 0.5, deployHours: 1 },
    });
  });

  it('keeps an issue labelled incident resolved when its opening arrives after its closing', async () => {
    const backend = await startWebhookBackend();
    const incidentLabel = {
      id: 1362934389,
      node_id: 'MDU6TGFiZWwxMzYyOTM0Mzg5',
      url: 'https://api.github.com/repos/Codertocat/Hello-World/labels/incident',
      name: 'incident',
      color: 'd73a4a',
      default: false,
      description: null,
    };
    const opened = githubExample('issues', e => e.action === 'opened');
    opened.issue.labels = [incidentLabel];
    opened.issue.created_at = '2019-05-15T14:00:00Z';
    opened.issue.updated_at = '2019-05-15T14:00:00Z';
    const closed = structuredClone(opened);
    closed.action = 'closed';
    closed.issue.state = 'closed';
    closed.issue.closed_at = '2019-05-15T16:30:00Z';
    closed.issue.updated_at = '2019-05-15T16:30:00Z';
    const bug = githubExample('issues', e => e.action === 'opened');

    await backend.github('issues', closed);
    await backend.github('issues', opened);
    await backend.github('issues', bug);

    const { items } = await backend.read('incidents', window);
    expect(items).toEqual([
      expect.objectContaining({
        source: 'github',
        id: `codertocat/hello-world#${opened.issue.number}`,
        startedAt: '2019-05-15T14:00:00.000Z',
        resolvedAt: '2019-05-15T16:30:00.000Z',
      }),
    ]);
    const metrics = await backend.read('metrics', window);
    expect(metrics.recoveryTime.timeToRestoreMedianHours).toBe(2.5);
  });
  it('fails the deployment whose commit a pushed revert reverts, and counts the revert as rework', async () => {
    const backend = await startWebhookBackend();
    const push = (before: string, sha: string, at: string, message: string) => {
      const payload = githubExample(
        'push',
        e => e.ref === 'refs/heads/master' && e.commits.length === 1,
      );
      payload.before = before;
      payload.after = sha;
      payload.created = false;
      payload.commits[0].id = sha;
      payload.commits[0].timestamp = at;
      payload.commits[0].message = message;
      payload.head_commit = payload.commits[0];
      return payload;
    };
    const sent: [string, unknown][] = [
      // The revert and its deployment arrive before what it reverts.
      [
        'push',
        push(
          SHA_B,
          SHA_C,
          '2019-05-15T14:00:00Z',
          `Revert "Add cart totals"\n\nThis reverts commit ${SHA_B}.\n`,
        ),
      ],
      [
        'deployment_status',
        status({
          deploymentId: 3,
          sha: SHA_C,
          state: 'success',
          at: '2019-05-15T15:00:00Z',
        }),
      ],
      [
        'deployment_status',
        status({
          deploymentId: 1,
          sha: SHA_A,
          state: 'success',
          at: '2019-05-15T10:00:00Z',
        }),
      ],
      ['push', push(SHA_A, SHA_B, '2019-05-15T11:00:00Z', 'Add cart totals')],
      [
        'deployment_status',
        status({
          deploymentId: 2,
          sha: SHA_B,
          state: 'success',
          at: '2019-05-15T12:00:00Z',
        }),
      ],
    ];
    for (const [event, payload] of sent) {
      expect((await backend.github(event, payload)).status).toBe(202);
    }

    const metrics = await backend.read('metrics', window);
    expect(metrics.changeFailureRate).toMatchObject({ failed: 1, total: 3 });
    expect(metrics.reworkRate).toMatchObject({ unplanned: 1, total: 3 });
    // Deployment 2 (12:00) recovered when the revert was deployed (15:00).
    expect(metrics.recoveryTime).toMatchObject({ medianHours: 3, samples: 1 });
  });

  it('fails the deployment of a pull request reverted with the revert button', async () => {
    const backend = await startWebhookBackend();
    const merged = (number: number, sha: string, at: string) => {
      const payload = githubExample('pull_request', e => e.action === 'closed');
      payload.number = number;
      payload.pull_request.number = number;
      payload.pull_request.created_at = '2019-05-15T09:00:00Z';
      payload.pull_request.merged = true;
      payload.pull_request.merged_at = at;
      payload.pull_request.merge_commit_sha = sha;
      return payload;
    };
    const original = merged(7, SHA_B, '2019-05-15T11:00:00Z');
    const revert = merged(8, SHA_C, '2019-05-15T14:00:00Z');
    revert.pull_request.title = 'Revert "Add cart totals"';
    revert.pull_request.body = 'Reverts Codertocat/Hello-World#7';
    const sent: [string, unknown][] = [
      ['pull_request', revert],
      ['pull_request', original],
      [
        'deployment_status',
        status({
          deploymentId: 1,
          sha: SHA_A,
          state: 'success',
          at: '2019-05-15T10:00:00Z',
        }),
      ],
      [
        'deployment_status',
        status({
          deploymentId: 2,
          sha: SHA_B,
          state: 'success',
          at: '2019-05-15T12:00:00Z',
        }),
      ],
      [
        'deployment_status',
        status({
          deploymentId: 3,
          sha: SHA_C,
          state: 'success',
          at: '2019-05-15T15:00:00Z',
        }),
      ],
    ];
    for (const [event, payload] of sent) {
      expect((await backend.github(event, payload)).status).toBe(202);
    }
    // The merge commits' parents come from pushes, as on the main line.
    const push = githubExample(
      'push',
      e => e.ref === 'refs/heads/master' && e.commits.length === 1,
    );
    push.before = SHA_A;
    push.after = SHA_C;
    push.created = false;
    push.commits = [
      { ...push.commits[0], id: SHA_B, timestamp: '2019-05-15T11:00:00Z' },
      { ...push.commits[0], id: SHA_C, timestamp: '2019-05-15T14:00:00Z' },
    ];
    push.head_commit = push.commits[1];
    expect((await backend.github('push', push)).status).toBe(202);

    const metrics = await backend.read('metrics', window);
    expect(metrics.changeFailureRate).toMatchObject({ failed: 1, total: 3 });
    expect(metrics.reworkRate).toMatchObject({ unplanned: 1, total: 3 });
    expect(metrics.recoveryTime).toMatchObject({ medianHours: 3, samples: 1 });
  });

  it('opens a reopened incident issue again until it is closed after the reopen, in any order', async () => {
    const incidentLabel = {
      id: 1362934389,
      node_id: 'MDU6TGFiZWwxMzYyOTM0Mzg5',
      url: 'https://api.github.com/repos/Codertocat/Hello-World/labels/incident',
      name: 'incident',
      color: 'd73a4a',
      default: false,
      description: null,
    };
    const opened = githubExample('issues', e => e.action === 'opened');
    opened.issue.labels = [incidentLabel];
    opened.issue.created_at = '2019-05-15T14:00:00Z';
    opened.issue.updated_at = '2019-05-15T14:00:00Z';
    const closed = (at: string) => {
      const payload = structuredClone(opened);
      payload.action = 'closed';
      payload.issue.state = 'closed';
      payload.issue.closed_at = at;
      payload.issue.updated_at = at;
      return payload;
    };
    const reopened = structuredClone(opened);
    reopened.action = 'reopened';
    reopened.issue.closed_at = null;
    reopened.issue.updated_at = '2019-05-15T15:00:00Z';
    const first = closed('2019-05-15T14:30:00Z');
    const last = closed('2019-05-15T16:00:00Z');

    const stateAfter = async (order: unknown[]) => {
      const backend = await startWebhookBackend();
      for (const payload of order) await backend.github('issues', payload);
      return {
        incidents: (await backend.read('incidents', window)).items,
        metrics: (await backend.read('metrics', window)).recoveryTime,
      };
    };

    const open = await stateAfter([first, reopened, opened]);
    expect(open.incidents).toEqual([
      expect.objectContaining({ resolvedAt: null }),
    ]);
    expect(open.metrics.openIncidents).toBe(1);

    const inOrder = await stateAfter([opened, first, reopened, last]);
    expect(inOrder.incidents).toEqual([
      expect.objectContaining({
        startedAt: '2019-05-15T14:00:00.000Z',
        resolvedAt: '2019-05-15T16:00:00.000Z',
      }),
    ]);
    // Counted once, restored two hours after it started.
    expect(inOrder.metrics).toMatchObject({
      timeToRestoreSamples: 1,
      timeToRestoreMedianHours: 2,
      openIncidents: 0,
    });
    // The first close, delivered last and again, does not close it earlier.
    expect(
      await stateAfter([last, reopened, opened, first, first, reopened]),
    ).toEqual(inOrder);
  });
});

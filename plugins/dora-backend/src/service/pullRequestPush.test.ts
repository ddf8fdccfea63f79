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
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { doraPlugin } from '../plugin';
import { checkoutEntity } from '../__testUtils__/workedExample';

// Pull request #12 of acme/checkout: opened 08:00, reviewed by someone else
// 10:00, merged 12:00; deployed to production at 16:00. Its branch commits
// were made at 06:00 and 10:00, 10 h and 6 h before the deployment.
const service = mockCredentials.service.header();
const user = mockCredentials.user.header();
const repository = 'acme/checkout';
const pr = {
  number: 12,
  createdAt: '2026-03-02T08:00:00Z',
  firstReviewAt: '2026-03-02T10:00:00Z',
  mergedAt: '2026-03-02T12:00:00Z',
};
const base = {
  source: 'git',
  repository,
  sha: 'base',
  committedAt: '2026-03-01T00:00:00Z',
};
const deploy = (id: string, sha: string, finishedAt: string, extra = {}) => ({
  source: 'ci',
  id,
  repository,
  environment: 'production',
  status: 'success',
  finishedAt,
  sha,
  ...extra,
});

async function startDora() {
  const { server } = await startTestBackend({
    features: [
      doraPlugin,
      catalogServiceMock.factory({ entities: [checkoutEntity] }),
      mockServices.rootConfig.factory({ data: { dora: { timeZone: 'UTC' } } }),
    ],
  });
  return server;
}

const push = (server: unknown, kind: string, items: unknown[]) =>
  request(server as never)
    .post(`/api/dora/v1/${kind}`)
    .set('Authorization', service)
    .send({ [kind]: items });

async function leadTime(server: unknown) {
  const res = await request(server as never)
    .get(
      '/api/dora/v1/metrics?entityRef=component:default/checkout&from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z',
    )
    .set('Authorization', user);
  expect(res.status).toBe(200);
  return res.body.leadTime;
}

const allStages = {
  codingHours: 2,
  pickupHours: 2,
  reviewHours: 2,
  deployHours: 4,
};

describe('pull request commits through the push API', () => {
  it('takes the first commit of a squashed pull request from firstCommitAt', async () => {
    const server = await startDora();
    const changes = await push(server, 'changes', [
      base,
      {
        source: 'git',
        repository,
        sha: 'squash',
        committedAt: '2026-03-02T12:00:00Z',
        parents: ['base'],
        pullRequest: { ...pr, firstCommitAt: '2026-03-02T06:00:00Z' },
      },
    ]);
    expect(changes.body).toMatchObject({ accepted: 2, rejected: [] });
    await push(server, 'deployments', [
      deploy('d0', 'base', '2026-03-01T12:00:00Z'),
      deploy('d1', 'squash', '2026-03-02T16:00:00Z'),
    ]);
    expect(await leadTime(server)).toMatchObject({
      samples: 1,
      medianHours: 4,
      stages: allStages,
    });
  });

  it('ships the branch commits pushed with the pull request number', async () => {
    const server = await startDora();
    const branch = (sha: string, at: string, parents: string[]) => ({
      source: 'git',
      repository,
      sha,
      committedAt: at,
      authoredAt: at,
      parents,
      pullRequest: { number: 12 },
    });
    await push(server, 'changes', [
      base,
      branch('b1', '2026-03-02T06:00:00Z', ['base']),
      branch('b2', '2026-03-02T10:00:00Z', ['b1']),
      {
        source: 'git',
        repository,
        sha: 'merge',
        committedAt: '2026-03-02T12:00:00Z',
        parents: ['base', 'b2'],
        pullRequest: pr,
      },
    ]);
    await push(server, 'deployments', [
      deploy('d0', 'base', '2026-03-01T12:00:00Z'),
      deploy('d1', 'merge', '2026-03-02T16:00:00Z'),
    ]);
    // Samples of 4 h (merge), 6 h (b2) and 10 h (b1).
    expect(await leadTime(server)).toMatchObject({
      samples: 3,
      medianHours: 6,
      stages: allStages,
    });
  });

  it('reads the pull request of commits a deployment lists', async () => {
    const server = await startDora();
    const res = await push(server, 'deployments', [
      deploy('d1', 'squash', '2026-03-02T16:00:00Z', {
        commits: [
          {
            sha: 'squash',
            committedAt: '2026-03-02T12:00:00Z',
            pullRequest: { ...pr, firstCommitAt: '2026-03-02T06:00:00Z' },
          },
          {
            sha: 'b2',
            committedAt: '2026-03-02T10:00:00Z',
            authoredAt: '2026-03-02T10:00:00Z',
            pullRequest: { number: 12 },
          },
        ],
      }),
    ]);
    expect(res.body).toMatchObject({ accepted: 1, rejected: [] });
    expect(await leadTime(server)).toMatchObject({
      samples: 2,
      medianHours: 5,
      stages: allStages,
    });
  });

  it('names the field of a bad pull request in a change or a deployed commit', async () => {
    const server = await startDora();
    const changes = await push(server, 'changes', [
      { ...base, pullRequest: { number: 12, firstCommitAt: 'yesterday' } },
    ]);
    expect(changes.body.rejected).toEqual([
      {
        index: 0,
        reason: expect.stringMatching(/^pullRequest\.firstCommitAt: /),
      },
    ]);
    const deployments = await push(server, 'deployments', [
      deploy('d1', 'x', '2026-03-02T16:00:00Z', {
        commits: [
          {
            sha: 'x',
            committedAt: '2026-03-02T12:00:00Z',
            pullRequest: { number: 0 },
          },
        ],
      }),
    ]);
    expect(deployments.body.rejected).toEqual([
      {
        index: 0,
        reason: expect.stringMatching(/^commits\.0\.pullRequest\.number: /),
      },
    ]);
  });
});

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

import { gitlabTime, mapGitlabEvent } from './gitlab';
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

describe('gitlabTime', () => {
  it.each([
    ['2021-04-28 21:50:00 +0200', '2021-04-28T21:50:00+02:00'],
    ['2013-12-03 17:23:34 UTC', '2013-12-03T17:23:34Z'],
    ['2017-11-17T13:59:48.158Z', '2017-11-17T13:59:48.158Z'],
    ['2011-12-12T14:27:31+02:00', '2011-12-12T14:27:31+02:00'],
  ])('reads %s', (value, expected) => {
    expect(gitlabTime(value)).toBe(expected);
  });
});

describe('mapGitlabEvent', () => {
  it('maps a deployment, with or without the optional fields', () => {
    const expected = {
      observedAt: '2026-03-02T10:00:00+01:00',
      deployment: expect.objectContaining({
        source: 'gitlab',
        id: '1',
        repository: 'acme/checkout',
        environment: 'production',
        status: 'success',
        sha: SHA_A,
      }),
    };
    expect(
      mapGitlabEvent(
        gitlabDeployment(1, 'success', '2026-03-02 10:00:00 +0100', SHA_A),
      ).deployments,
    ).toEqual([expected]);
    expect(
      mapGitlabEvent(
        minimalGitlabDeployment(
          1,
          'success',
          '2026-03-02 10:00:00 +0100',
          SHA_A,
        ),
      ).deployments,
    ).toEqual([expected]);
  });

  it.each([
    ['failed', 'failure'],
    ['canceled', 'cancelled'],
    ['running', 'running'],
    ['created', 'running'],
  ])('maps status %s to %s', (status, expected) => {
    const [o] = mapGitlabEvent(
      gitlabDeployment(1, status, '2026-03-02 10:00:00 +0100', SHA_A),
    ).deployments;
    expect(o.deployment.status).toBe(expected);
  });

  it('chains pushed commits whichever order the hook lists them in', () => {
    const push = gitlabPush(SHA_A, [
      { id: SHA_B, timestamp: '2026-03-02T08:30:00+00:00' },
      { id: SHA_C, timestamp: '2026-03-02T11:00:00+00:00' },
    ]);
    const parents = (p: unknown) =>
      mapGitlabEvent(p).changes.map(c => [c.sha, c.parents]);
    const expected = [
      [SHA_B, [SHA_A]],
      [SHA_C, [SHA_B]],
    ];
    expect(parents(push)).toEqual(expected);
    expect(parents({ ...push, commits: [...push.commits].reverse() })).toEqual(
      expected,
    );
    // More commits than listed: the oldest listed one's parent is unknown.
    expect(parents({ ...push, total_commits_count: 40 })[0]).toEqual([
      SHA_B,
      [],
    ]);
  });

  it('reads merge requests: approval by someone else, and the merge', () => {
    const common = {
      iid: 7,
      createdAt: '2026-03-02 09:00:00 UTC',
      updatedAt: '2026-03-02 10:00:00 UTC',
    };
    expect(
      mapGitlabEvent(
        gitlabMergeRequest({ ...common, action: 'approved', actorId: 2 }),
      ).pullRequests,
    ).toEqual([
      {
        source: 'gitlab',
        repository: 'acme/checkout',
        number: 7,
        createdAt: '2026-03-02T09:00:00Z',
        reviewedAt: '2026-03-02T10:00:00Z',
      },
    ]);
    // The author (id 51) approving their own merge request is no review.
    expect(
      mapGitlabEvent(
        gitlabMergeRequest({ ...common, action: 'approved', actorId: 51 }),
      ).pullRequests[0].reviewedAt,
    ).toBeUndefined();
    expect(
      mapGitlabEvent(
        gitlabMergeRequest({
          ...common,
          action: 'merge',
          actorId: 1,
          mergeCommitSha: SHA_C,
        }),
      ).pullRequests[0],
    ).toMatchObject({ mergedAt: '2026-03-02T10:00:00Z', mergeSha: SHA_C });
  });

  it('flags commits and merge requests by bots, and keeps no name or email', () => {
    const push = gitlabPush(SHA_A, [
      { id: SHA_B, timestamp: '2026-03-02T08:30:00+00:00' },
      { id: SHA_C, timestamp: '2026-03-02T11:00:00+00:00' },
    ]);
    const bots = [
      { name: 'renovate[bot]', email: 'bot@renovateapp.com' },
      {
        name: 'Dependabot',
        email: '49699333+dependabot[bot]@users.noreply.github.com',
      },
    ];
    for (const author of bots) {
      const changes = mapGitlabEvent({
        ...push,
        commits: [push.commits[0], { ...push.commits[1], author }],
      }).changes;
      expect(changes.map(c => c.automated)).toEqual([undefined, true]);
      expect(JSON.stringify(changes)).not.toMatch(/Jordi|renovate|dependabot/i);
    }

    const merge = gitlabMergeRequest({
      iid: 7,
      action: 'merge',
      actorId: 51,
      createdAt: '2026-03-02 09:00:00 UTC',
      updatedAt: '2026-03-02 10:00:00 UTC',
      mergeCommitSha: SHA_C,
    });
    expect(mapGitlabEvent(merge).pullRequests[0].automated).toBeUndefined();
    // `user` is whoever triggered the event: a bot only when it is the author.
    const byBot = {
      ...merge,
      user: { ...merge.user, username: 'renovate-bot' },
    };
    expect(mapGitlabEvent(byBot).pullRequests[0].automated).toBe(true);
    expect(
      mapGitlabEvent({ ...byBot, user: { ...byBot.user, id: 2 } })
        .pullRequests[0].automated,
    ).toBeUndefined();
    expect(JSON.stringify(mapGitlabEvent(byBot))).not.toMatch(/renovate|root/);
  });

  it('takes issues of type incident only', () => {
    const incident = gitlabIncident({
      iid: 3,
      state: 'closed',
      createdAt: '2026-03-03T10:00:00Z',
      updatedAt: '2026-03-03T12:30:00Z',
    });
    // closed_at left out (older GitLab): the update time stands in.
    expect(
      mapGitlabEvent(incident).repositoryIncidents[0].incident,
    ).toMatchObject({
      id: 'acme/checkout#3',
      startedAt: '2026-03-03T10:00:00Z',
      resolvedAt: '2026-03-03T12:30:00Z',
      severity: 'high',
    });
    const issue = structuredClone(incident) as any;
    issue.object_attributes.type = 'Issue';
    expect(mapGitlabEvent(issue).repositoryIncidents).toEqual([]);
  });
});

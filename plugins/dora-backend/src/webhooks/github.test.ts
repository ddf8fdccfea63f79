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

import definitions from '@octokit/webhooks-examples';
import { GITHUB_EVENTS, mapGithubEvent } from './github';
import { automatedAuthorMatcher } from '../ingest/automatedAuthors';
import { githubExample } from './__testUtils__/fixtures/githubExamples';

describe('mapGithubEvent', () => {
  it('maps every real example of the events it reads without throwing', () => {
    for (const definition of definitions) {
      for (const example of definition.examples) {
        expect(() => mapGithubEvent(definition.name, example)).not.toThrow();
      }
    }
    expect(GITHUB_EVENTS).toEqual([
      'deployment',
      'deployment_status',
      'push',
      'pull_request',
      'pull_request_review',
      'issues',
    ]);
  });

  it('makes a successful production status a finished deployment', () => {
    const example = githubExample(
      'deployment_status',
      e => e.deployment_status.state === 'success',
    );
    expect(mapGithubEvent('deployment_status', example).deployments).toEqual([
      {
        observedAt: '2019-05-15T15:20:55Z',
        deployment: {
          source: 'github',
          id: '145988746',
          repository: 'codertocat/hello-world',
          environment: 'production',
          status: 'success',
          startedAt: '2019-05-15T15:20:53Z',
          sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
        },
      },
    ]);
  });

  it.each([
    ['failure', 'failure'],
    ['error', 'failure'],
    ['in_progress', 'running'],
    ['queued', 'running'],
    ['inactive', 'running'],
  ])('maps status %s to %s', (state, expected) => {
    const example = githubExample('deployment_status');
    example.deployment_status.state = state;
    expect(
      mapGithubEvent('deployment_status', example).deployments[0].deployment
        .status,
    ).toBe(expected);
  });

  it('takes commits pushed to the default branch with chained first parents', () => {
    const push = githubExample('push', e => e.ref === 'refs/heads/master');
    push.before = 'b0';
    push.created = false;
    push.commits = [
      { ...push.commits[0], id: 'c1', timestamp: '2019-05-15T15:19:25-07:00' },
      { ...push.commits[0], id: 'c2', timestamp: '2019-05-15T15:29:25-07:00' },
    ];
    expect(mapGithubEvent('push', push).changes).toEqual([
      {
        source: 'github',
        repository: 'codertocat/hello-world',
        sha: 'c1',
        committedAt: '2019-05-15T15:19:25-07:00',
        parents: ['b0'],
      },
      {
        source: 'github',
        repository: 'codertocat/hello-world',
        sha: 'c2',
        committedAt: '2019-05-15T15:29:25-07:00',
        parents: ['c1'],
      },
    ]);
    // The example as it is creates the branch: no parent before its first commit.
    const created = githubExample('push', e => e.ref === 'refs/heads/master');
    expect(mapGithubEvent('push', created).changes[0].parents).toEqual([]);
  });

  it('ignores tags and forced history, and takes the commits of other branches', () => {
    const tag = githubExample('push', e => e.ref.startsWith('refs/tags/'));
    expect(mapGithubEvent('push', tag).changes).toEqual([]);
    const master = githubExample('push', e => e.ref === 'refs/heads/master');
    const branch = structuredClone(master);
    branch.ref = 'refs/heads/feature';
    // The head branch of a pull request, for when its commits cannot be read.
    expect(mapGithubEvent('push', branch).changes).toEqual(
      mapGithubEvent('push', master).changes,
    );
    expect(JSON.stringify(mapGithubEvent('push', branch))).not.toContain(
      'feature',
    );
    const forced = githubExample('push', e => e.ref === 'refs/heads/master');
    forced.forced = true;
    forced.before = 'b0';
    expect(mapGithubEvent('push', forced).changes[0].parents).toEqual([]);
  });

  it('reads pull request creation, merge and a review by someone else', () => {
    const opened = githubExample('pull_request', e => e.action === 'opened');
    expect(mapGithubEvent('pull_request', opened).pullRequests).toEqual([
      {
        source: 'github',
        repository: 'codertocat/hello-world',
        number: 2,
        createdAt: '2019-05-15T15:20:33Z',
      },
    ]);
    const closed = githubExample('pull_request', e => e.action === 'closed');
    // The example is closed without merging: no merge is read from it.
    expect(
      mapGithubEvent('pull_request', closed).pullRequests[0].mergeSha,
    ).toBe(undefined);
    const review = githubExample(
      'pull_request_review',
      e => e.action === 'submitted',
    );
    // Its author reviews their own pull request: not a pickup.
    expect(
      mapGithubEvent('pull_request_review', review).pullRequests[0].reviewedAt,
    ).toBeUndefined();
    review.review.user.login = 'hubot';
    expect(
      mapGithubEvent('pull_request_review', review).pullRequests[0].reviewedAt,
    ).toBe('2019-05-15T15:20:38Z');
  });

  it('flags commits and pull requests by bots, and keeps no login', () => {
    const push = githubExample('push', e => e.ref === 'refs/heads/master');
    push.commits = [
      { ...push.commits[0], id: 'h1' },
      {
        ...push.commits[0],
        id: 'r1',
        author: { ...push.commits[0].author, username: 'renovate[bot]' },
      },
      {
        ...push.commits[0],
        id: 'r2',
        author: { ...push.commits[0].author, username: 'Dependabot-preview' },
      },
    ];
    const changes = mapGithubEvent('push', push).changes;
    expect(changes.map(c => [c.sha, c.automated])).toEqual([
      ['h1', undefined],
      ['r1', true],
      ['r2', true],
    ]);
    expect(JSON.stringify(changes)).not.toMatch(
      /Codertocat|renovate|Dependabot/,
    );
    // Configured patterns replace the defaults.
    expect(
      mapGithubEvent(
        'push',
        push,
        automatedAuthorMatcher(['codertocat']),
      ).changes.map(c => c.automated),
    ).toEqual([true, undefined, undefined]);

    const human = githubExample('pull_request', e => e.action === 'closed');
    expect(
      mapGithubEvent('pull_request', human).pullRequests[0].automated,
    ).toBeUndefined();
    // A GitHub App is `type: "Bot"` whatever its login.
    const app = structuredClone(human);
    app.pull_request.user = {
      ...app.pull_request.user,
      login: 'ci-app',
      type: 'Bot',
    };
    const byLogin = structuredClone(human);
    byLogin.pull_request.user.login = 'dependabot[bot]';
    for (const bot of [app, byLogin]) {
      const [pr] = mapGithubEvent('pull_request', bot).pullRequests;
      expect(pr.automated).toBe(true);
      expect(JSON.stringify(pr)).not.toMatch(/ci-app|dependabot/);
    }
  });

  it('takes issues only when labelled incident', () => {
    const bug = githubExample('issues', e => e.action === 'opened');
    expect(mapGithubEvent('issues', bug).repositoryIncidents).toEqual([]);
    bug.issue.labels = [{ ...bug.issue.labels[0], name: 'Incident' }];
    expect(mapGithubEvent('issues', bug).repositoryIncidents).toEqual([
      expect.objectContaining({
        repository: 'codertocat/hello-world',
        incident: expect.objectContaining({
          id: 'codertocat/hello-world#1',
          startedAt: '2019-05-15T15:20:18Z',
          resolvedAt: null,
        }),
      }),
    ]);
  });

  it('ignores events it does not read and malformed bodies', () => {
    expect(mapGithubEvent('star', githubExample('star'))).toEqual(
      mapGithubEvent('push', null),
    );
    expect(mapGithubEvent('deployment_status', { repository: {} })).toEqual(
      mapGithubEvent('push', 'not json'),
    );
  });
});

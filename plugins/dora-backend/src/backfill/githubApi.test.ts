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

import { compareCommits, mergedPullRequest } from './githubApi';
import { automatedAuthorMatcher } from '../ingest/automatedAuthors';

// Items in the shape of GitHub's REST answers (compare, pulls), trimmed.
const compareItem = (sha: string, author: object | null) => ({
  sha,
  commit: {
    author: { name: 'Someone', date: '2026-03-02T08:00:00Z' },
    committer: { name: 'GitHub', date: '2026-03-02T09:00:00Z' },
  },
  author,
  parents: [{ sha: 'p0' }],
});

const pull = (user: object) => ({
  number: 7,
  created_at: '2026-03-01T08:00:00Z',
  merged_at: '2026-03-02T09:00:00Z',
  merge_commit_sha: 'm1',
  user,
});

describe('automated changes in the GitHub backfill', () => {
  it('flags commits by bot accounts and keeps no login', () => {
    const changes = compareCommits('acme/shop', {
      commits: [
        compareItem('h1', { login: 'octocat', type: 'User' }),
        compareItem('r1', { login: 'renovate[bot]', type: 'Bot' }),
        compareItem('r2', { login: 'dependabot-preview', type: 'User' }),
        compareItem('u1', null),
      ],
    });
    expect(changes.map(c => [c.sha, c.automated])).toEqual([
      ['h1', undefined],
      ['r1', true],
      ['r2', true],
      ['u1', undefined],
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/octocat|renovate|dependabot/);
  });

  it('flags pull requests opened by a bot, by type or by the configured logins', () => {
    const human = { login: 'octocat', type: 'User' };
    expect(
      mergedPullRequest('acme/shop', pull(human), [])?.automated,
    ).toBeUndefined();
    expect(
      mergedPullRequest('acme/shop', pull({ login: 'ci', type: 'Bot' }), [])
        ?.automated,
    ).toBe(true);
    expect(
      mergedPullRequest(
        'acme/shop',
        pull(human),
        [],
        automatedAuthorMatcher(['octo*']),
      )?.automated,
    ).toBe(true);
  });
});

describe('reverts in the GitHub backfill', () => {
  const reverted = 'd'.repeat(40);

  it('reads what a compared commit reverts and keeps no message', () => {
    const revert = compareItem('r1', null);
    revert.commit = {
      ...revert.commit,
      message: `Revert "Add totals"\n\nThis reverts commit ${reverted}.`,
    } as typeof revert.commit;
    const changes = compareCommits('acme/shop', {
      commits: [compareItem('h1', null), revert],
    });
    expect(changes.map(c => [c.sha, c.revertOf])).toEqual([
      ['h1', undefined],
      ['r1', reverted],
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/Add totals/);
  });

  it("reads the pull request GitHub's revert button names", () => {
    const revert = {
      ...pull({ login: 'octocat', type: 'User' }),
      title: 'Revert "Add totals"',
      body: 'Reverts acme/shop#6',
    };
    const observation = mergedPullRequest('acme/shop', revert, []);
    expect(observation).toMatchObject({ number: 7, revertOfPullRequest: 6 });
    expect(JSON.stringify(observation)).not.toMatch(/Add totals/);
  });
});

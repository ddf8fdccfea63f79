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

import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { mergePullRequest } from '../ingest/merge';
import { mapGitlabEvent } from '../webhooks/gitlab';
import {
  deploymentObservations,
  incidentObservations,
  mergeRequestObservations,
  nextPageUrl,
} from './gitlabApi';
import { createGitlabPullRequestCommitReader } from './GitlabPullRequestCommitReader';
import { ProviderHttp } from './ProviderHttp';
import {
  deploymentHook,
  incidentHook,
  instants,
  mergeRequestHook,
} from './__testUtils__/gitlabHooks';
import {
  deployment,
  GITLAB_API_TOKEN,
  GITLAB_PROJECT,
  incident,
  mergeRequest,
  notes,
  sha,
  startFakeGitlab,
} from './__testUtils__/fakeGitlab';

describe('GitLab API mappings', () => {
  it('maps a deployment as its webhook does', () => {
    for (const id of [1, 2, 4]) {
      expect(
        instants(deploymentObservations(GITLAB_PROJECT, deployment(id))),
      ).toEqual(instants(mapGitlabEvent(deploymentHook(id)).deployments));
    }
    expect(deploymentObservations(GITLAB_PROJECT, deployment(1))).toEqual([
      {
        observedAt: '2026-03-01T06:00:00.000Z',
        deployment: expect.objectContaining({
          source: 'gitlab',
          id: '4001',
          sha: sha('m1'),
          status: 'success',
        }),
      },
    ]);
  });

  it.each([
    [1, 'merge commit', sha('m1')],
    [2, 'squash', sha('q2')],
    [3, 'rebase', sha('r2')],
  ])(
    'merges merge request %i (%s) into the same row as its webhooks',
    (iid, _kind, mergeSha) => {
      const [fromApi] = mergeRequestObservations(
        GITLAB_PROJECT,
        'main',
        mergeRequest(iid),
        notes(iid),
      );
      const fromHooks = [
        ...mapGitlabEvent(mergeRequestHook(iid, 'merge', 51)).pullRequests,
        ...(iid === 2
          ? mapGitlabEvent(mergeRequestHook(iid, 'approved', 52)).pullRequests
          : []),
      ];
      const webhookRow = fromHooks.reduce(
        (state, o) => mergePullRequest(state, o),
        undefined as ReturnType<typeof mergePullRequest> | undefined,
      );
      const apiRow = mergePullRequest(undefined, fromApi);
      expect(apiRow.mergeSha).toBe(mergeSha);
      // The webhooks see approvals only; the API's notes also show MR 1's
      // review comment, which no webhook the plugin takes reports.
      expect({ ...apiRow, firstReviewAt: null }).toEqual({
        ...webhookRow,
        firstReviewAt: null,
      });
      expect(apiRow.firstReviewAt).toBe(
        iid === 1
          ? Date.parse(notes(1)[1].created_at)
          : webhookRow!.firstReviewAt,
      );
      // Merging the two changes nothing.
      expect(mergePullRequest(webhookRow, fromApi)).toEqual(apiRow);
      // The API names the author; a bot's merge request is marked.
      expect(fromApi.automated).toBe(iid === 3 ? true : undefined);
    },
  );

  it('takes the first review by someone other than the author', () => {
    const review = (iid: number) =>
      mergeRequestObservations(
        GITLAB_PROJECT,
        'main',
        mergeRequest(iid),
        notes(iid),
      )[0].reviewedAt;
    expect(review(1)).toBe(notes(1)[1].created_at);
    // Not the reviewer's mention (a system note), their approval.
    expect(review(2)).toBe(notes(2)[2].created_at);
    expect(review(3)).toBeUndefined();
  });

  it('leaves out a merge request into another branch, as the webhook does', () => {
    expect(
      mergeRequestObservations(
        GITLAB_PROJECT,
        'main',
        { ...mergeRequest(1), target_branch: 'release' },
        [],
      ),
    ).toEqual([]);
  });

  it.each([
    [1, 'close'],
    // The API cannot tell an open issue from a reopened one: open is read as
    // reopened at its last update, which changes nothing for one never closed.
    [2, 'reopen'],
    [3, 'reopen'],
  ])('maps incident %i as its %s webhook does', (iid, action) => {
    const fromApi = incidentObservations(GITLAB_PROJECT, incident(iid));
    expect(instants(fromApi)).toEqual(
      instants(mapGitlabEvent(incidentHook(iid, action)).repositoryIncidents),
    );
    expect(fromApi[0].incident.id).toBe(`${GITLAB_PROJECT}#${iid}`);
    expect(fromApi[0].incident.resolvedAt).toEqual(
      iid === 1 ? incident(1).closed_at : null,
    );
  });

  it('pages with the Link header, else x-next-page', () => {
    const url =
      'https://gitlab.example.com/api/v4/projects/1/issues?per_page=2';
    expect(
      nextPageUrl(
        url,
        new Headers({
          link: `<${url}&page=2>; rel="next"`,
          'x-next-page': '9',
        }),
      ),
    ).toBe(`${url}&page=2`);
    expect(nextPageUrl(url, new Headers({ 'x-next-page': '3' }))).toBe(
      `${url}&page=3`,
    );
    expect(
      nextPageUrl(url, new Headers({ 'x-next-page': '' })),
    ).toBeUndefined();
  });
});

describe('GitlabPullRequestCommitReader', () => {
  let fake: Awaited<ReturnType<typeof startFakeGitlab>>;
  beforeEach(async () => {
    fake = await startFakeGitlab({ limitEvery: 2 });
  });
  afterEach(() => fake.close());

  function reader(token: string | null = GITLAB_API_TOKEN) {
    const logger = mockServices.logger.mock();
    const sleeps: number[] = [];
    const http = new ProviderHttp({
      logger,
      sleep: async ms => {
        sleeps.push(ms);
      },
    });
    const config = new ConfigReader({
      integrations: {
        gitlab: [
          {
            host: 'gitlab.example.com',
            apiBaseUrl: fake.apiBaseUrl,
            ...(token ? { token } : {}),
          },
        ],
      },
      dora: { backfill: { gitlab: { host: 'gitlab.example.com' } } },
    });
    return {
      reader: createGitlabPullRequestCommitReader(config, logger, { http }),
      sleeps,
    };
  }

  it('reads every page of a merge request, retrying a 429 after Retry-After', async () => {
    const { reader: r, sleeps } = reader();
    const commits = await r!.commitsOf({
      source: 'gitlab',
      repository: GITLAB_PROJECT,
      number: 2,
    });
    expect(commits).toEqual(
      ['c3', 'c2', 'c1'].map(name =>
        expect.objectContaining({
          source: 'gitlab',
          repository: GITLAB_PROJECT,
          sha: sha(name),
          pullRequest: { number: 2 },
        }),
      ),
    );
    expect(commits![2]).toEqual({
      source: 'gitlab',
      repository: GITLAB_PROJECT,
      sha: sha('c1'),
      authoredAt: '2026-03-01T09:00:00.000Z',
      committedAt: '2026-03-01T10:00:00.000Z',
      parents: [sha('m1')],
      pullRequest: { number: 2 },
    });
    // Two pages, and the second request was refused once and retried.
    expect(fake.stats.paths).toEqual([
      `/api/v4/projects/acme%2Fcheckout/merge_requests/2/commits?per_page=100`,
      `/api/v4/projects/acme%2Fcheckout/merge_requests/2/commits?per_page=100&page=2`,
    ]);
    expect(fake.stats.limited).toBe(1);
    expect(sleeps).toEqual([1000]);
  });

  it("marks a bot's commits automated and stores no author", async () => {
    const commits = await reader().reader!.commitsOf({
      source: 'gitlab',
      repository: GITLAB_PROJECT,
      number: 3,
    });
    expect(commits!.map(c => c.automated)).toEqual([true, true]);
    expect(JSON.stringify(commits)).not.toMatch(/renovate|author@|Author/);
  });

  it('addresses the project by its id when the event gives it', async () => {
    await expect(
      reader().reader!.commitsOf({
        source: 'gitlab',
        repository: GITLAB_PROJECT,
        number: 1,
        projectId: '30',
      }),
    ).rejects.toThrow(/404/);
    expect(fake.stats.paths[0]).toMatch(/^\/api\/v4\/projects\/30\//);
  });

  it('answers undefined for another source, and is not made without a token', async () => {
    expect(
      await reader().reader!.commitsOf({
        source: 'github',
        repository: GITLAB_PROJECT,
        number: 1,
      }),
    ).toBeUndefined();
    expect(reader(null).reader).toBeUndefined();
    expect(fake.stats.requests).toBe(0);
  });
});

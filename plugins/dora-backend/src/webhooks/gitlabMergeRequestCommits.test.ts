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
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  gitlabDeployment,
  gitlabMergeRequest,
  gitlabPush,
} from './__testUtils__/fixtures/gitlab';
import { startWebhookBackend } from './__testUtils__/webhookBackend';

jest.setTimeout(60_000);

/*
 * Merge request !7 of acme/checkout (project 30): its branch commits b1 and
 * b2 were made at 06:00 and 10:00, it was opened at 08:00, approved by
 * someone else at 11:00, merged at 12:00 and deployed at 16:00 (10 h and
 * 6 h after the branch commits): coding 2 h, pickup 3 h, review 1 h,
 * deploy 4 h.
 */
const window = { from: '2026-03-01', to: '2026-04-01' };
const sha = (c: string) => c.repeat(40);
const BASE = sha('a');
const B1 = sha('1');
const B2 = sha('2');
const MAIN = sha('c');
const at = (hour: string) => `2026-03-02T${hour}:00:00Z`;
// The merge request and deployment hooks write times in GitLab's older form.
const hookAt = (hour: string) => `2026-03-02 ${hour}:00:00 UTC`;
const allStages = {
  codingHours: 2,
  pickupHours: 3,
  reviewHours: 1,
  deployHours: 4,
};
const AUTHOR_ID = 51;
const COMMITS_PATH = '/api/v4/projects/30/merge_requests/7/commits';

const deploy = (id: number, deployedSha: string, hour: string) =>
  gitlabDeployment(id, 'success', hookAt(hour), deployedSha);

/** The merge request hooks: opened, approved by someone else, merged. */
function mergeRequestHooks(merge: {
  merge_commit_sha?: string | null;
  squash_commit_sha?: string | null;
  last_commit: string;
}) {
  const mr = (action: string, actorId: number, updated: string) =>
    gitlabMergeRequest({
      iid: 7,
      action,
      actorId,
      createdAt: hookAt('08'),
      updatedAt: hookAt(updated),
    });
  const merged = mr('merge', AUTHOR_ID, '12');
  Object.assign(merged.object_attributes, {
    merge_commit_sha: merge.merge_commit_sha ?? null,
    squash_commit_sha: merge.squash_commit_sha ?? null,
    last_commit: { id: merge.last_commit },
  });
  return {
    opened: mr('open', AUTHOR_ID, '08'),
    approved: mr('approved', 2, '11'),
    merged,
  };
}

/** A commit as the merge request commits API lists it. */
const apiCommit = (commitSha: string, authored: string, committed: string) => ({
  id: commitSha,
  short_id: commitSha.slice(0, 8),
  created_at: committed,
  // GitLab's merge request commits API leaves the parents out.
  parent_ids: null,
  title: 'work',
  message: 'work',
  author_name: 'Author',
  author_email: 'author@example.com',
  authored_date: authored,
  committer_name: 'Author',
  committer_email: 'author@example.com',
  committed_date: committed,
});

/**
 * A stand-in for GitLab's API on loopback: the merge request's commits in
 * two pages (Link and x-next-page headers), the second first answered
 * "rate limited, retry after 0 s".
 */
async function startGitlabApi(
  pages: unknown[][],
  options: { status?: number } = {},
) {
  const requests: string[] = [];
  let limited = false;
  const server: Server = createServer((req: IncomingMessage, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.headers['private-token'] !== 'glpat-stand-in') {
      res.writeHead(401).end();
      return;
    }
    if (options.status) {
      res.writeHead(options.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: '404 Project Not Found' }));
      return;
    }
    if (url.pathname !== COMMITS_PATH) {
      res.writeHead(404).end();
      return;
    }
    const page = Number(url.searchParams.get('page') ?? '1');
    if (page === 2 && !limited) {
      limited = true;
      res.writeHead(429, { 'retry-after': '0' });
      res.end(JSON.stringify({ message: 'Retry later' }));
      return;
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-page': String(page),
      'x-total-pages': String(pages.length),
      'x-next-page': page < pages.length ? String(page + 1) : '',
    };
    if (page < pages.length) {
      const { port } = server.address() as AddressInfo;
      headers.link = `<http://127.0.0.1:${port}${COMMITS_PATH}?per_page=100&page=${
        page + 1
      }>; rel="next"`;
    }
    res.writeHead(200, headers);
    res.end(JSON.stringify(pages[page - 1] ?? []));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    config: {
      integrations: {
        gitlab: [
          {
            host: 'gitlab.example.com',
            apiBaseUrl: `http://127.0.0.1:${port}/api/v4`,
            token: 'glpat-stand-in',
          },
        ],
      },
      dora: {
        backfill: { enabled: false, gitlab: { host: 'gitlab.example.com' } },
      },
    },
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

type Backend = Awaited<ReturnType<typeof startWebhookBackend>>;

async function deliver(backend: Backend, hooks: unknown[]) {
  for (const hook of hooks) {
    expect((await backend.gitlab(hook)).status).toBe(202);
  }
}

const branchCommits = [
  apiCommit(B1, at('06'), at('06')),
  apiCommit(B2, at('10'), at('10')),
];

describe('a merged GitLab merge request brings its commits', () => {
  let api: Awaited<ReturnType<typeof startGitlabApi>> | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  // Merge-commit and squash merge requests look the same to the webhooks:
  // the default branch gets one commit at the merge, and the branch commits
  // only through the merge request's commit list.
  it.each([
    ['merge-commit', { merge_commit_sha: MAIN, last_commit: B2 }],
    ['squash', { squash_commit_sha: MAIN, last_commit: B2 }],
  ])(
    '%s: reads every page of the commits from the API, once per delivery',
    async (_workflow, merge) => {
      api = await startGitlabApi([[branchCommits[1]], [branchCommits[0]]]);
      const backend = await startWebhookBackend(undefined, api.config);
      const { opened, approved, merged } = mergeRequestHooks(merge);
      await deliver(backend, [
        deploy(1, BASE, '00'),
        opened,
        approved,
        // The default branch gets only the merge (or squash) commit.
        gitlabPush(BASE, [{ id: MAIN, timestamp: at('12') }]),
      ]);
      expect(
        (await backend.gitlab(merged, { delivery: 'merge-1' })).status,
      ).toBe(202);
      await deliver(backend, [deploy(2, MAIN, '16')]);
      // Page 1, page 2 rate limited, page 2 again.
      expect(api.requests).toEqual([
        `${COMMITS_PATH}?per_page=100`,
        `${COMMITS_PATH}?per_page=100&page=2`,
        `${COMMITS_PATH}?per_page=100&page=2`,
      ]);
      // A redelivery is skipped: the API is not asked again.
      expect(
        (await backend.gitlab(merged, { delivery: 'merge-1' })).status,
      ).toBe(202);
      expect(api.requests).toHaveLength(3);
      const metrics = await backend.read('metrics', window);
      // Samples: the main-line commit (4 h), b2 (6 h) and b1 (10 h).
      expect(metrics.leadTime).toMatchObject({
        samples: 3,
        medianHours: 6,
        stages: allStages,
      });
    },
  );

  it('rebase: the fast-forwarded commits the API lists again count once', async () => {
    // GitLab's rebase merge puts r1 and r2 on the default branch with their
    // author times (06:00, 10:00) and a new commit time at the merge, which
    // the push hook gives as their time; the merge request lists the same
    // commits, so each is one sample, and coding starts at r1's authoring.
    const R1 = sha('d');
    const R2 = sha('e');
    api = await startGitlabApi([
      [apiCommit(R2, at('10'), at('12'))],
      [apiCommit(R1, at('06'), at('12'))],
    ]);
    const backend = await startWebhookBackend(undefined, api.config);
    const { opened, approved, merged } = mergeRequestHooks({
      last_commit: R2,
    });
    await deliver(backend, [
      deploy(1, BASE, '00'),
      opened,
      approved,
      gitlabPush(BASE, [
        { id: R1, timestamp: at('12') },
        { id: R2, timestamp: at('12') },
      ]),
      merged,
      deploy(2, R2, '16'),
    ]);
    expect(api.requests).toHaveLength(3);
    const metrics = await backend.read('metrics', window);
    expect(metrics.leadTime).toMatchObject({
      samples: 2,
      medianHours: 4,
      stages: allStages,
    });
  });

  // GitLab's push hook stores only the default branch, so there are no
  // head-branch pushes to take instead; walking back from a rebased head
  // would take the default branch's older commits for the merge request's.
  it.each([
    ['merge-commit', { merge_commit_sha: MAIN, last_commit: B2 }, [MAIN], 4],
    ['rebase', { last_commit: B2 }, [B1, B2], 4.5],
  ])(
    'without a token, %s: the main-line commits alone, no coding stage',
    async (_workflow, merge, mainLine, medianHours) => {
      const backend = await startWebhookBackend();
      const { opened, approved, merged } = mergeRequestHooks(merge);
      await deliver(backend, [
        // An older commit of the default branch, a day before.
        gitlabPush(sha('0'), [
          { id: sha('f'), timestamp: '2026-03-01T00:00:00Z' },
          { id: BASE, timestamp: at('00') },
        ]),
        deploy(1, BASE, '00'),
        opened,
        approved,
        // The push hook gives commit times: a rebased commit's is the
        // rebase's (one hour apart here, not to look like one commit).
        gitlabPush(
          BASE,
          mainLine.map((id, k) => ({
            id,
            timestamp: at(String(12 - mainLine.length + 1 + k)),
          })),
        ),
        merged,
        deploy(2, mainLine[mainLine.length - 1], '16'),
      ]);
      const metrics = await backend.read('metrics', window);
      expect(metrics.leadTime).toMatchObject({
        samples: mainLine.length,
        medianHours,
        stages: { ...allStages, codingHours: null },
      });
    },
  );

  it('stores the merge even when the API fails', async () => {
    api = await startGitlabApi([], { status: 404 });
    const backend = await startWebhookBackend(undefined, api.config);
    const { merged } = mergeRequestHooks({
      merge_commit_sha: MAIN,
      last_commit: B2,
    });
    await deliver(backend, [
      deploy(1, BASE, '00'),
      gitlabPush(BASE, [{ id: MAIN, timestamp: at('12') }]),
      merged,
      deploy(2, MAIN, '16'),
    ]);
    expect(api.requests).toHaveLength(1);
    const metrics = await backend.read('metrics', window);
    // Only the merge commit, with the merge request's deploy stage.
    expect(metrics.leadTime).toMatchObject({
      samples: 1,
      medianHours: 4,
      stages: { deployHours: 4, codingHours: null },
    });
  });
});

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
import { githubExample } from './__testUtils__/fixtures/githubExamples';
import { startWebhookBackend } from './__testUtils__/webhookBackend';

jest.setTimeout(60_000);

/*
 * Pull request #2 of Codertocat/Hello-World: its branch commits b1 and b2
 * were made at 06:00 and 10:00, it was opened at 08:00, reviewed by someone
 * else at 11:00, merged at 12:00 and deployed at 16:00 (10 h and 6 h after
 * the branch commits): coding 2 h, pickup 3 h, review 1 h, deploy 4 h.
 */
const window = { from: '2019-05-01', to: '2019-06-01' };
const sha = (c: string) => c.repeat(40);
const BASE = sha('a');
const B1 = sha('1');
const B2 = sha('2');
const MAIN = sha('c');
const at = (hour: string) => `2019-05-15T${hour}:00:00Z`;
const allStages = {
  codingHours: 2,
  pickupHours: 3,
  reviewHours: 1,
  deployHours: 4,
};

function deploymentStatus(id: number, deployedSha: string, time: string) {
  const payload = githubExample(
    'deployment_status',
    e =>
      e.deployment_status.state === 'success' &&
      e.deployment.environment === 'production',
  );
  payload.deployment.id = id;
  payload.deployment.sha = deployedSha;
  payload.deployment.created_at = time;
  payload.deployment_status.created_at = time;
  payload.deployment_status.updated_at = time;
  return payload;
}

/** A push of `commits` (oldest first) on top of `before`. */
function push(
  ref: string,
  before: string,
  commits: { id: string; timestamp: string }[],
) {
  const payload = githubExample(
    'push',
    e => e.ref === 'refs/heads/master' && e.commits.length === 1,
  );
  payload.ref = ref;
  payload.before = before;
  payload.after = commits[commits.length - 1].id;
  payload.created = false;
  payload.commits = commits.map(c => ({ ...payload.commits[0], ...c }));
  payload.head_commit = payload.commits[payload.commits.length - 1];
  return payload;
}

function pullRequestEvents(mergeSha: string) {
  const opened = githubExample('pull_request', e => e.action === 'opened');
  opened.pull_request.created_at = at('08');
  const review = githubExample(
    'pull_request_review',
    e => e.action === 'submitted',
  );
  review.review.user.login = 'hubot';
  review.review.submitted_at = at('11');
  review.pull_request.created_at = at('08');
  const merged = githubExample('pull_request', e => e.action === 'closed');
  merged.pull_request.created_at = at('08');
  merged.pull_request.merged = true;
  merged.pull_request.merged_at = at('12');
  merged.pull_request.merge_commit_sha = mergeSha;
  merged.pull_request.head.sha = B2;
  merged.pull_request.commits = 2;
  return { opened, review, merged };
}

/** A commit as `pulls/{n}/commits` lists it. */
const apiCommit = (
  commitSha: string,
  authored: string,
  committed: string,
  parent: string,
) => ({
  sha: commitSha,
  commit: {
    author: { name: 'Monalisa Octocat', date: authored },
    committer: { name: 'GitHub', date: committed },
    message: 'work',
  },
  author: { login: 'octocat', type: 'User' },
  parents: [{ sha: parent }],
});

/**
 * A stand-in for GitHub's API on loopback: the pull request's commits in
 * two pages, the second first answered "rate limited, retry after 0 s".
 */
async function startGithubApi(
  pages: unknown[][],
  options: { status?: number } = {},
) {
  const requests: string[] = [];
  let limited = false;
  const server: Server = createServer((req: IncomingMessage, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (options.status) {
      res.writeHead(options.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Not Found' }));
      return;
    }
    if (url.pathname !== '/repos/codertocat/hello-world/pulls/2/commits') {
      res.writeHead(404).end();
      return;
    }
    const page = Number(url.searchParams.get('page') ?? '1');
    if (page === 2 && !limited) {
      limited = true;
      res.writeHead(429, { 'retry-after': '0' });
      res.end(JSON.stringify({ message: 'rate limited' }));
      return;
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json',
    };
    if (page < pages.length) {
      const { port } = server.address() as AddressInfo;
      headers.link = `<http://127.0.0.1:${port}${
        url.pathname
      }?per_page=100&page=${page + 1}>; rel="next"`;
    }
    res.writeHead(200, headers);
    res.end(JSON.stringify(pages[page - 1] ?? []));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    integrations: {
      integrations: {
        github: [
          {
            host: 'github.com',
            apiBaseUrl: `http://127.0.0.1:${port}`,
            token: 'stand-in-token',
          },
        ],
      },
    },
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

type Backend = Awaited<ReturnType<typeof startWebhookBackend>>;

async function deliver(backend: Backend, events: [string, unknown][]) {
  for (const [event, payload] of events) {
    expect((await backend.github(event, payload)).status).toBe(202);
  }
}

const branchCommits = [
  apiCommit(B1, at('06'), at('06'), BASE),
  apiCommit(B2, at('10'), at('10'), B1),
];

describe('a merged pull request brings its commits', () => {
  let api: Awaited<ReturnType<typeof startGithubApi>> | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  // Merge-commit and squash workflows look the same to the webhooks: the
  // main line gets one commit at the merge, and the branch commits only
  // through the pull request's commit list.
  it('merge-commit and squash workflows: reads every page of the commits from the API, once per delivery', async () => {
    api = await startGithubApi([[branchCommits[0]], [branchCommits[1]]]);
    const backend = await startWebhookBackend(undefined, api.integrations);
    const { opened, review, merged } = pullRequestEvents(MAIN);
    await deliver(backend, [
      ['deployment_status', deploymentStatus(1, BASE, at('00'))],
      ['pull_request', opened],
      ['pull_request_review', review],
      // The main line gets only the merge (or squash) commit, at the merge.
      [
        'push',
        push('refs/heads/master', BASE, [{ id: MAIN, timestamp: at('12') }]),
      ],
    ]);
    expect(
      (await backend.github('pull_request', merged, { delivery: 'm-1' }))
        .status,
    ).toBe(202);
    await deliver(backend, [
      ['deployment_status', deploymentStatus(2, MAIN, at('16'))],
    ]);
    // Page 1, page 2 rate limited, page 2 again.
    expect(api.requests).toEqual([
      '/repos/codertocat/hello-world/pulls/2/commits?per_page=100',
      '/repos/codertocat/hello-world/pulls/2/commits?per_page=100&page=2',
      '/repos/codertocat/hello-world/pulls/2/commits?per_page=100&page=2',
    ]);
    // A redelivery is skipped: the API is not asked again.
    await backend.github('pull_request', merged, { delivery: 'm-1' });
    expect(api.requests).toHaveLength(3);
    const metrics = await backend.read('metrics', window);
    // Samples: the main-line commit (4 h), b2 (6 h) and b1 (10 h).
    expect(metrics.leadTime).toMatchObject({
      samples: 3,
      medianHours: 6,
      stages: allStages,
    });
  });

  it('rebase workflow: the rebased main-line copies and the listed originals count once', async () => {
    // The originals o1 and o2 were committed 30 min after they were authored;
    // the rebase put r1 and r2 on the main line with the same author times
    // (which the push webhook gives as their time).
    const R1 = sha('d');
    const R2 = sha('e');
    api = await startGithubApi([
      [apiCommit(B1, at('06'), '2019-05-15T06:30:00Z', BASE)],
      [apiCommit(B2, at('10'), '2019-05-15T10:30:00Z', B1)],
    ]);
    const backend = await startWebhookBackend(undefined, api.integrations);
    const { opened, review, merged } = pullRequestEvents(R2);
    await deliver(backend, [
      ['deployment_status', deploymentStatus(1, BASE, at('00'))],
      ['pull_request', opened],
      ['pull_request_review', review],
      [
        'push',
        push('refs/heads/master', BASE, [
          { id: R1, timestamp: at('06') },
          { id: R2, timestamp: at('10') },
        ]),
      ],
      ['pull_request', merged],
      ['deployment_status', deploymentStatus(2, R2, at('16'))],
    ]);
    const metrics = await backend.read('metrics', window);
    expect(metrics.leadTime).toMatchObject({
      samples: 2,
      medianHours: 8,
      stages: allStages,
    });
  });

  it('without credentials: takes the commits pushed to the head branch', async () => {
    const backend = await startWebhookBackend();
    const { opened, review, merged } = pullRequestEvents(MAIN);
    await deliver(backend, [
      ['deployment_status', deploymentStatus(1, BASE, at('00'))],
      [
        'push',
        push('refs/heads/feature', BASE, [
          { id: B1, timestamp: at('06') },
          { id: B2, timestamp: at('10') },
        ]),
      ],
      ['pull_request', opened],
      ['pull_request_review', review],
      [
        'push',
        push('refs/heads/master', BASE, [{ id: MAIN, timestamp: at('12') }]),
      ],
      ['pull_request', merged],
      ['deployment_status', deploymentStatus(2, MAIN, at('16'))],
    ]);
    const metrics = await backend.read('metrics', window);
    expect(metrics.leadTime).toMatchObject({
      samples: 3,
      medianHours: 6,
      stages: allStages,
    });
  });

  it('stores the merge even when the commits cannot be read', async () => {
    api = await startGithubApi([], { status: 404 });
    const backend = await startWebhookBackend(undefined, api.integrations);
    const { merged } = pullRequestEvents(MAIN);
    await deliver(backend, [
      ['deployment_status', deploymentStatus(1, BASE, at('00'))],
      [
        'push',
        push('refs/heads/master', BASE, [{ id: MAIN, timestamp: at('12') }]),
      ],
      ['pull_request', merged],
      ['deployment_status', deploymentStatus(2, MAIN, at('16'))],
    ]);
    expect(api.requests).toHaveLength(1);
    const metrics = await backend.read('metrics', window);
    // Only the merge commit, with the pull request's deploy stage.
    expect(metrics.leadTime).toMatchObject({
      samples: 1,
      medianHours: 4,
      stages: { deployHours: 4, codingHours: null },
    });
  });
});

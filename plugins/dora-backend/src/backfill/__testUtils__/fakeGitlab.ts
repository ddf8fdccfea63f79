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

import { createHash } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';

/*
 * A local GitLab REST API (v4) in the shapes of GitLab's API documentation,
 * for one project with a merge-commit, a squash and a rebase merge request.
 * Every list answers two records a page with `Link`, `x-next-page` and
 * `x-total-pages` headers, and every `limitEvery`th request is refused with
 * a 429 and `Retry-After: 1`.
 */

export const GITLAB_PROJECT = 'acme/checkout';
export const GITLAB_API_TOKEN = 'glpat-test-token';

/** A full-length hex sha named after a commit of the story below. */
export const sha = (name: string) =>
  createHash('sha1').update(name).digest('hex');

const START = Date.parse('2026-03-01T00:00:00Z');
const HOUR = 3600_000;
/** GitLab's API writes times as ISO 8601 with milliseconds, in UTC. */
const at = (hours: number) => new Date(START + hours * HOUR).toISOString();

const AUTHOR = { id: 51, username: 'author', name: 'Author' };
const REVIEWER = { id: 52, username: 'reviewer', name: 'Reviewer' };
const BOT = { id: 53, username: 'renovate-bot', name: 'renovate[bot]' };

function commit(name: string, parents: string[], hours: number, bot = false) {
  return {
    id: sha(name),
    short_id: sha(name).slice(0, 8),
    created_at: at(hours),
    parent_ids: parents.map(sha),
    title: `Commit ${name}`,
    message: `Commit ${name}`,
    author_name: bot ? 'renovate[bot]' : 'Author',
    author_email: bot ? 'bot@example.com' : 'author@example.com',
    authored_date: at(hours - 1),
    committer_name: 'Author',
    committer_email: 'author@example.com',
    committed_date: at(hours),
    web_url: `https://gitlab.example.com/${GITLAB_PROJECT}/-/commit/${sha(
      name,
    )}`,
  };
}

/*
 * MR 1 (merge commit): a1, a2 on a branch from b0, merged as m1.
 * MR 2 (squash): c1, c2, c3 on a branch, squashed into q2 on m1.
 * MR 3 (rebase, by a bot): r1, r2 rebased onto q2 and fast-forwarded.
 */
export const BRANCH_COMMITS: Record<number, ReturnType<typeof commit>[]> = {
  1: [commit('a2', ['a1'], 3), commit('a1', ['b0'], 2)],
  2: [
    commit('c3', ['c2'], 12),
    commit('c2', ['c1'], 11),
    commit('c1', ['m1'], 10),
  ],
  3: [commit('r2', ['r1'], 22, true), commit('r1', ['q2'], 21, true)],
};

/** The default branch, newest first. */
export const MAIN_LINE = [
  commit('r2', ['r1'], 22, true),
  commit('r1', ['q2'], 21, true),
  commit('q2', ['m1'], 14),
  commit('m1', ['b0', 'a2'], 5),
  commit('a2', ['a1'], 3),
  commit('a1', ['b0'], 2),
  commit('b0', [], 0),
];

export function mergeRequest(iid: number) {
  const merged = { 1: 5, 2: 14, 3: 22 }[iid]!;
  const created = { 1: 1, 2: 9, 3: 20 }[iid]!;
  return {
    id: 100 + iid,
    iid,
    project_id: 30,
    title: `Change ${iid}`,
    state: 'merged',
    created_at: at(created),
    updated_at: at(merged + 1),
    merged_at: at(merged),
    target_branch: 'main',
    source_branch: `feature-${iid}`,
    author: iid === 3 ? BOT : AUTHOR,
    squash: iid === 2,
    sha: { 1: sha('a2'), 2: sha('c3'), 3: sha('r2') }[iid],
    merge_commit_sha: iid === 1 ? sha('m1') : null,
    squash_commit_sha: iid === 2 ? sha('q2') : null,
    web_url: `https://gitlab.example.com/${GITLAB_PROJECT}/-/merge_requests/${iid}`,
  };
}

/** Oldest first, as `sort=asc` lists them. */
export function notes(iid: number) {
  const created = Date.parse(mergeRequest(iid).created_at);
  const note = (
    id: number,
    author: typeof AUTHOR,
    minutes: number,
    body: string,
    system = false,
  ) => ({
    id,
    body,
    author,
    system,
    created_at: new Date(created + minutes * 60_000).toISOString(),
    noteable_iid: iid,
  });
  return {
    // The author's own note does not count; the reviewer's comment does.
    1: [
      note(1, AUTHOR, 10, 'Ready for review'),
      note(2, REVIEWER, 30, 'Looks good, one question'),
    ],
    // A mention by someone else is not a review; their approval is.
    2: [
      note(3, REVIEWER, 5, 'mentioned in issue #7', true),
      note(4, AUTHOR, 20, 'added 1 commit', true),
      note(5, REVIEWER, 45, 'approved this merge request', true),
    ],
    3: [],
  }[iid]!;
}

export function deployment(id: number) {
  const [name, hours, status, environment] = (
    {
      1: ['m1', 6, 'success', 'production'],
      2: ['q2', 15, 'failed', 'production'],
      3: ['q2', 15.5, 'success', 'staging'],
      4: ['r2', 23, 'success', 'production'],
    } as const
  )[id]!;
  return {
    id: 4000 + id,
    iid: id,
    ref: 'main',
    sha: sha(name),
    created_at: at(hours - 0.5),
    updated_at: at(hours + 0.1),
    finished_at: at(hours),
    status,
    user: AUTHOR,
    environment: { id: 9, name: environment, external_url: null },
    deployable: {
      id: 700 + id,
      status,
      name: 'deploy',
      web_url: `https://gitlab.example.com/${GITLAB_PROJECT}/-/jobs/${
        700 + id
      }`,
    },
  };
}

export function incident(iid: number) {
  // 1 closed; 2 open; 3 closed, then reopened (GitLab clears closed_at).
  const closed = iid === 1;
  return {
    id: 300 + iid,
    iid,
    project_id: 30,
    title: 'Checkout 5xx',
    state: closed ? 'closed' : 'opened',
    created_at: at(iid * 7),
    updated_at: at(iid * 7 + 2),
    closed_at: closed ? at(iid * 7 + 2) : null,
    issue_type: 'incident',
    type: 'INCIDENT',
    severity: iid === 2 ? 'UNKNOWN' : 'HIGH',
    web_url: `https://gitlab.example.com/${GITLAB_PROJECT}/-/issues/${iid}`,
  };
}

const PAGE_SIZE = 2;

export async function startFakeGitlab(options: { limitEvery?: number } = {}) {
  const limitEvery = options.limitEvery ?? 5;
  const stats = { requests: 0, limited: 0, paths: [] as string[] };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, `http://${req.headers.host}`);
    stats.requests += 1;
    const send = (
      status: number,
      body: unknown,
      headers: Record<string, string> = {},
    ) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers['private-token'] !== GITLAB_API_TOKEN) {
      send(401, { message: '401 Unauthorized' });
      return;
    }
    if (stats.requests % limitEvery === 0) {
      stats.limited += 1;
      send(429, { message: 'Retry later' }, { 'retry-after': '1' });
      return;
    }
    stats.paths.push(`${url.pathname}${url.search}`);

    const pageOf = (items: unknown[]) => {
      const page = Number(url.searchParams.get('page') ?? '1');
      const last = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
      const link = (n: number) => {
        const u = new URL(url.toString());
        u.searchParams.set('page', String(n));
        return `<${u.toString()}>`;
      };
      const links = [`${link(1)}; rel="first"`, `${link(last)}; rel="last"`];
      if (page < last) links.unshift(`${link(page + 1)}; rel="next"`);
      send(200, items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), {
        link: links.join(', '),
        'x-page': String(page),
        'x-per-page': String(PAGE_SIZE),
        'x-next-page': page < last ? String(page + 1) : '',
        'x-total': String(items.length),
        'x-total-pages': String(last),
      });
    };

    const project = `/api/v4/projects/${encodeURIComponent(GITLAB_PROJECT)}`;
    const path = url.pathname;
    if (!path.startsWith(project)) {
      send(404, { message: '404 Project Not Found' });
      return;
    }
    const rest = path.slice(project.length);
    const mr = /^\/merge_requests\/(\d+)\/(commits|notes)$/.exec(rest);
    const since = Date.parse(url.searchParams.get('updated_after') ?? '');
    const after = <T extends { updated_at: string }>(items: T[]) =>
      items.filter(i => !(Date.parse(i.updated_at) <= since));
    if (rest === '') {
      send(200, {
        id: 30,
        path_with_namespace: GITLAB_PROJECT,
        default_branch: 'main',
      });
    } else if (rest === '/deployments') {
      pageOf(after([4, 3, 2, 1].map(deployment)));
    } else if (rest === '/repository/commits') {
      pageOf(MAIN_LINE);
    } else if (rest === '/merge_requests') {
      pageOf(after([3, 2, 1].map(mergeRequest)));
    } else if (mr && BRANCH_COMMITS[Number(mr[1])]) {
      const iid = Number(mr[1]);
      pageOf(mr[2] === 'commits' ? BRANCH_COMMITS[iid] : notes(iid));
    } else if (rest === '/issues') {
      pageOf(after([3, 2, 1].map(incident)));
    } else {
      send(404, { message: '404 Not Found' });
    }
  });

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiBaseUrl: `http://127.0.0.1:${port}/api/v4`,
    stats,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

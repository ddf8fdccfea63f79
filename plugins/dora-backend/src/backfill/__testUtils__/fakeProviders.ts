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

import http from 'node:http';
import { AddressInfo } from 'node:net';

/*
 * A local GitHub and PagerDuty API in the providers' shapes, small pages,
 * Link headers / offset+more pagination, and rate limits: a 429 with
 * `retry-after` on some requests, and `x-ratelimit-remaining: 0` with a reset
 * a second away on others. Time is a fake clock the client's injected sleep
 * advances, so a client that does not wait is caught (`violations`).
 */

export const REPOSITORY = 'acme/checkout';
export const SERVICE = 'PSVC001';
export const GITHUB_TOKEN = 'ghp-test-token';
export const PAGERDUTY_TOKEN = 'pd-test-token';

const DAY = 24 * 3600_000;
const START = Date.parse('2026-03-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

// Main line: s1, x2, s2, x3, s3, ... each deployment i deploys s<i>.
const DEPLOYMENTS = 5;
const mainLine = Array.from({ length: DEPLOYMENTS }, (_, k) => {
  const i = k + 1;
  return i === 1 ? ['s1'] : [`x${i}`, `s${i}`];
}).flat();
const commitTime = (sha: string) =>
  START + Number(sha.slice(1)) * DAY - (sha.startsWith('x') ? 5 : 2) * 3600_000;

function deployment(i: number) {
  return {
    url: `https://api.github.com/repos/${REPOSITORY}/deployments/${i}`,
    id: i,
    sha: `s${i}`,
    ref: 'main',
    task: 'deploy',
    environment: 'production',
    created_at: iso(START + i * DAY),
    updated_at: iso(START + i * DAY + 600_000),
  };
}

function statuses(i: number) {
  const at = START + i * DAY;
  const final = i === 3 ? 'failure' : 'success';
  // Newest first, as the API lists them.
  return [
    {
      id: i * 10 + 2,
      state: final,
      environment: 'production',
      created_at: iso(at + 600_000),
    },
    {
      id: i * 10 + 1,
      state: 'in_progress',
      environment: 'production',
      created_at: iso(at + 60_000),
    },
  ];
}

function pull(n: number) {
  const mergeSha = [undefined, 's2', 's4', 's5', undefined][n];
  const merged = mergeSha
    ? START + Number(mergeSha.slice(1)) * DAY - 3 * 3600_000
    : null;
  return {
    number: n,
    state: 'closed',
    user: { login: 'author' },
    created_at: iso(START + n * DAY - 8 * 3600_000),
    updated_at: iso(START + (5 - n) * DAY),
    merged_at: merged ? iso(merged) : null,
    merge_commit_sha: mergeSha ?? 'deadbeef',
    base: {
      ref: 'main',
      repo: { full_name: REPOSITORY, default_branch: 'main' },
    },
  };
}

function incident(k: number) {
  const created = START + k * DAY + 3600_000;
  const resolved = k < 5;
  return {
    id: `Q${k}`,
    type: 'incident',
    title: `Incident ${k}`,
    status: resolved ? 'resolved' : 'triggered',
    created_at: iso(created),
    last_status_change_at: iso(created + (resolved ? 2 * 3600_000 : 0)),
    html_url: `https://acme.pagerduty.com/incidents/Q${k}`,
    urgency: 'high',
    service: { id: SERVICE, type: 'service_reference' },
  };
}

type Page = { items: unknown[]; page: number; last: number };
function paginate(items: unknown[], url: URL, size: number): Page {
  const page = Number(url.searchParams.get('page') ?? '1');
  return {
    items: items.slice((page - 1) * size, page * size),
    page,
    last: Math.max(1, Math.ceil(items.length / size)),
  };
}

export async function startFakeProviders(
  options: { rateLimits?: boolean } = {},
) {
  const rateLimits = options.rateLimits ?? true;
  const clock = { now: Date.parse('2026-04-01T00:00:00Z') };
  const stats = { requests: 0, pages: 0, violations: 0, limited: 0 };
  let limitedUntil = 0;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    stats.requests += 1;
    const send = (
      status: number,
      body: unknown,
      headers: Record<string, string> = {},
    ) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (rateLimits && clock.now < limitedUntil) {
      stats.violations += 1;
      send(
        403,
        { message: 'API rate limit exceeded' },
        {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.ceil(limitedUntil / 1000)),
        },
      );
      return;
    }
    // Every 7th request is told to come back in a second.
    if (rateLimits && stats.requests % 7 === 0) {
      stats.limited += 1;
      send(429, { message: 'slow down' }, { 'retry-after': '1' });
      return;
    }

    const linkFor = (p: Page) => {
      const at = (n: number) => {
        const u = new URL(url.toString());
        u.searchParams.set('page', String(n));
        return `<http://${req.headers.host}${u.pathname}${u.search}>`;
      };
      const links = [`${at(p.last)}; rel="last"`];
      if (p.page < p.last) links.unshift(`${at(p.page + 1)}; rel="next"`);
      return links.join(', ');
    };
    const pageOf = (items: unknown[], size: number) => {
      stats.pages += 1;
      const p = paginate(items, url, size);
      const headers: Record<string, string> = { link: linkFor(p) };
      // Every third page uses up the rate limit, which resets a second later.
      if (rateLimits && stats.pages % 3 === 0) {
        const reset = Math.floor(clock.now / 1000) + 1;
        limitedUntil = reset * 1000;
        headers['x-ratelimit-remaining'] = '0';
        headers['x-ratelimit-reset'] = String(reset);
      }
      send(200, p.items, headers);
    };

    if (url.pathname.startsWith('/github/')) {
      if (req.headers.authorization !== `Bearer ${GITHUB_TOKEN}`) {
        send(401, { message: 'Bad credentials' });
        return;
      }
      const path = url.pathname.slice('/github'.length);
      const repo = `/repos/${REPOSITORY}`;
      const statusesOf = new RegExp(
        `^${repo}/deployments/(\\d+)/statuses$`,
      ).exec(path);
      const compare = new RegExp(
        `^${repo}/compare/(\\w+)\\.\\.\\.(\\w+)$`,
      ).exec(path);
      const reviewsOf = new RegExp(`^${repo}/pulls/(\\d+)/reviews$`).exec(path);
      const commitsOf = new RegExp(`^${repo}/pulls/(\\d+)/commits$`).exec(path);
      if (path === `${repo}/deployments`) {
        pageOf(
          Array.from({ length: DEPLOYMENTS }, (_, k) =>
            deployment(DEPLOYMENTS - k),
          ),
          2,
        );
      } else if (statusesOf) {
        send(200, statuses(Number(statusesOf[1])));
      } else if (compare) {
        const [base, head] = [
          mainLine.indexOf(compare[1]),
          mainLine.indexOf(compare[2]),
        ];
        if (base < 0 || head < 0) {
          send(404, { message: 'Not Found' });
          return;
        }
        const commits = mainLine.slice(base + 1, head + 1).map(sha => ({
          sha,
          commit: {
            author: { date: iso(commitTime(sha) - 600_000) },
            committer: { date: iso(commitTime(sha)) },
          },
          parents: [{ sha: mainLine[mainLine.indexOf(sha) - 1] }],
        }));
        stats.pages += 1;
        const p = paginate(commits, url, 2);
        send(200, { status: 'ahead', commits: p.items }, { link: linkFor(p) });
      } else if (path === `${repo}/pulls`) {
        pageOf([1, 2, 3, 4].map(pull), 2);
      } else if (commitsOf) {
        // Two branch commits, a page each: 2 h before the pull request was
        // opened and 1 h after.
        const n = Number(commitsOf[1]);
        const created = Date.parse(pull(n).created_at);
        const commits = [
          ['a', created - 2 * 3600_000],
          ['b', created + 3600_000],
        ].map(([suffix, at], k) => ({
          sha: `p${n}${suffix}`,
          commit: {
            author: { date: iso(Number(at)) },
            committer: { date: iso(Number(at)) },
          },
          parents: [{ sha: k === 0 ? 's1' : `p${n}a` }],
        }));
        pageOf(commits, 1);
      } else if (reviewsOf) {
        const created = Date.parse(pull(Number(reviewsOf[1])).created_at);
        send(200, [
          {
            user: { login: 'author' },
            state: 'COMMENTED',
            submitted_at: iso(created + 600_000),
          },
          {
            user: { login: 'reviewer' },
            state: 'APPROVED',
            submitted_at: iso(created + 3600_000),
          },
        ]);
      } else {
        send(404, { message: 'Not Found' });
      }
      return;
    }

    if (url.pathname === '/pagerduty/incidents') {
      if (req.headers.authorization !== `Token token=${PAGERDUTY_TOKEN}`) {
        send(401, { error: { message: 'Unauthorized' } });
        return;
      }
      const all = [1, 2, 3, 4, 5, 6].map(incident);
      const offset = Number(url.searchParams.get('offset') ?? '0');
      const limit = 2;
      stats.pages += 1;
      send(200, {
        incidents: all.slice(offset, offset + limit),
        limit,
        offset,
        total: all.length,
        more: offset + limit < all.length,
      });
      return;
    }
    send(404, { message: 'Not Found' });
  });

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    clock,
    stats,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

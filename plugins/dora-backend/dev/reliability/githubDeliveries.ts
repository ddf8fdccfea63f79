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

import { createHmac } from 'node:crypto';
import { Rng } from '@dora-metrics/plugin-dora-backend-module-demo';
import { githubExample } from '../../src/webhooks/__testUtils__/fixtures/githubExamples';

/** The secret the replicas' GitHub ingress checks signatures with. */
export const GITHUB_WEBHOOK_SECRET = 'dora-reliability-github-secret';

/** A repository of the test entities (billing's `github.com/project-slug`). */
const REPOSITORY = { full_name: 'acme/billing', default_branch: 'main' };
const MINUTE = 60_000;
const ROUND_START = Date.parse('2026-03-05T00:00:00Z');

/** One GitHub webhook delivery: its event name, id and payload. */
export type GithubDelivery = { event: string; id: string; payload: unknown };

const at = (ms: number) => new Date(ms).toISOString();

function example(event: string, pick?: (e: any) => boolean) {
  const payload = githubExample(event, pick);
  payload.repository.full_name = REPOSITORY.full_name;
  payload.repository.default_branch = REPOSITORY.default_branch;
  payload.repository.master_branch = REPOSITORY.default_branch;
  return payload;
}

/**
 * The deliveries of one round: for a few deployments, pull requests and
 * incidents (each new in this round), every GitHub event of its life, each a
 * delivery of its own: deployment statuses in progress, failed and
 * succeeded; a pull request opened, reviewed and merged, and the push of its
 * merge commit; an incident issue opened and closed. Applied in any order
 * they merge to the same state (provider times decide), so two replicas
 * taking them at once must end where one backend ends.
 */
export function conflictingGithubDeliveries(
  round: number,
  rng: Rng,
): GithubDelivery[] {
  const start = ROUND_START + round * 60 * MINUTE;
  const later = (from: number) => from + Math.floor(rng() * 20 * MINUTE) + 1;
  const out: GithubDelivery[] = [];
  const add = (event: string, payload: unknown) =>
    out.push({ event, id: `rel-r${round}-${out.length}`, payload });

  for (let n = 0; n < 3; n++) {
    const deploymentId = 900_000 + round * 10 + n;
    const sha = `${round}${n}`.padStart(40, 'd');
    const t0 = later(start);
    const times = [t0, later(t0)];
    times.push(later(times[1]));
    ['in_progress', 'failure', 'success'].forEach((state, i) => {
      const p = example(
        'deployment_status',
        e => e.deployment.environment === 'production',
      );
      p.deployment.id = deploymentId;
      p.deployment.sha = sha;
      p.deployment.created_at = at(t0);
      p.deployment_status.state = state;
      p.deployment_status.environment = 'production';
      p.deployment_status.created_at = at(times[i]);
      p.deployment_status.updated_at = at(times[i]);
      p.deployment_status.target_url = `https://ci.example/${deploymentId}/${i}`;
      add('deployment_status', p);
    });
  }

  for (let n = 0; n < 2; n++) {
    const number = 9000 + round * 10 + n;
    const mergeSha = `${round}${n}`.padStart(40, 'e');
    const created = later(start);
    const reviewed = later(created);
    const merged = later(reviewed);
    const pullRequest = (p: any) => {
      p.pull_request.number = number;
      p.pull_request.base.ref = REPOSITORY.default_branch;
      p.pull_request.created_at = at(created);
      p.pull_request.user.login = 'author';
      return p;
    };
    add(
      'pull_request',
      pullRequest(example('pull_request', e => e.action === 'opened')),
    );
    const review = pullRequest(
      example('pull_request_review', e => e.action === 'submitted'),
    );
    review.review.user.login = 'reviewer';
    review.review.state = 'approved';
    review.review.submitted_at = at(reviewed);
    add('pull_request_review', review);
    const closed = pullRequest(
      example('pull_request', e => e.action === 'closed'),
    );
    closed.pull_request.merged = true;
    closed.pull_request.merged_at = at(merged);
    closed.pull_request.merge_commit_sha = mergeSha;
    add('pull_request', closed);
    const push = example('push');
    push.ref = `refs/heads/${REPOSITORY.default_branch}`;
    push.before = `${round}${n}`.padStart(40, 'f');
    push.forced = false;
    push.deleted = false;
    push.commits = [{ id: mergeSha, timestamp: at(merged) }];
    add('push', push);
  }

  for (let n = 0; n < 2; n++) {
    const number = 8000 + round * 10 + n;
    const opened = later(start);
    const closedAt = later(opened);
    const issue = (state: 'open' | 'closed', updated: number) => {
      const p = example('issues', e => e.action === 'opened');
      p.action = state === 'open' ? 'opened' : 'closed';
      p.issue.number = number;
      p.issue.title = `billing down (${number})`;
      p.issue.labels = [{ name: 'incident' }];
      p.issue.created_at = at(opened);
      p.issue.updated_at = at(updated);
      p.issue.state = state;
      p.issue.closed_at = state === 'closed' ? at(closedAt) : null;
      return p;
    };
    add('issues', issue('open', opened));
    add('issues', issue('closed', closedAt));
  }
  return out;
}

/** Posts a delivery to a backend's events ingress, signed as GitHub signs it. */
export async function sendGithubDelivery(
  baseUrl: string,
  delivery: GithubDelivery,
): Promise<number> {
  const body = JSON.stringify(delivery.payload);
  const signature = createHmac('sha256', GITHUB_WEBHOOK_SECRET)
    .update(body)
    .digest('hex');
  try {
    const res = await fetch(`${baseUrl}/api/events/http/github`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-GitHub-Event': delivery.event,
        'X-GitHub-Delivery': delivery.id,
        'X-Hub-Signature-256': `sha256=${signature}`,
      },
      body,
    });
    await res.text();
    return res.status;
  } catch {
    return 0; // connection dropped
  }
}

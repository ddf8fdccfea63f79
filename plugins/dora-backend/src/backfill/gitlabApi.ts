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

import { ChangeInput } from '@dora-metrics/plugin-dora-common';
import {
  automatedAuthorMatcher,
  IsAutomatedAuthor,
} from '../ingest/automatedAuthors';
import { Observations } from '../ingest/observations';
import { gitlabTime, mapGitlabEvent } from '../webhooks/gitlab';
import { idOf, Json, list, obj, str } from '../webhooks/payloads';
import { lastPageNumber, linkUrl } from './ProviderHttp';

/*
 * Pure mappings of GitLab REST API answers (deployments, merge requests and
 * their commits and notes, incident issues, repository commits) to the
 * observations the GitLab webhooks produce. Deployments, merge requests and
 * incidents are put in the shape of the matching webhook payload and go
 * through the webhook mapping itself, so the backfill and the webhooks give
 * the same ids, keys, repository names and fields, and merge into one row.
 */

const SOURCE = 'gitlab';

/** Where API calls for a project go, and with which headers. */
export type GitlabAccess = (
  repository: string,
) => Promise<
  { apiBaseUrl: string; headers: Record<string, string> } | undefined
>;

/**
 * The API path of a project: its numeric id when known, else its
 * URL-encoded `group/project` path.
 */
export function projectPath(repository: string, projectId?: string): string {
  return `/projects/${encodeURIComponent(projectId ?? repository)}`;
}

/**
 * The next page's URL: the `rel="next"` Link, else the `x-next-page` header
 * on the current URL (GitLab sends both with offset pagination, and only the
 * Link with keyset pagination); undefined on the last page.
 */
export function nextPageUrl(url: string, headers: Headers): string | undefined {
  const link = linkUrl(headers.get('link'), 'next');
  if (link) return link;
  const page = headers.get('x-next-page');
  if (!page) return undefined;
  const next = new URL(url);
  next.searchParams.set('page', page);
  return next.toString();
}

/** Pages in all, when GitLab says (it leaves it out past 10,000 records). */
export function pagesTotal(headers: Headers): number | undefined {
  const total = Number(headers.get('x-total-pages') ?? NaN);
  return Number.isFinite(total) && total > 0
    ? total
    : lastPageNumber(headers.get('link'));
}

/**
 * A commit's author is a bot's when its name or its email's local part
 * matches, as the push webhook decides it. Compared here and dropped.
 */
function isAutomatedCommit(c: Json, isAutomated: IsAutomatedAuthor) {
  const email = str(c.author_email);
  return (
    isAutomated(str(c.author_name)) ||
    (!!email && email.includes('@') && isAutomated(email.split('@')[0]))
  );
}

/**
 * Commits of the repository commits or merge request commits API, with
 * their parents when listed; `pullRequest` attaches them to a merge request.
 */
export function commitChanges(
  repository: string,
  body: unknown,
  options: { pullRequest?: number; isAutomated?: IsAutomatedAuthor } = {},
): ChangeInput[] {
  const isAutomated = options.isAutomated ?? automatedAuthorMatcher();
  return list(body).flatMap(item => {
    const c = obj(item);
    const sha = str(c?.id);
    const authoredAt = gitlabTime(c?.authored_date);
    const committedAt = gitlabTime(c?.committed_date) ?? authoredAt;
    if (!c || !sha || !committedAt) return [];
    const parents = list(c.parent_ids).filter(
      (p): p is string => typeof p === 'string' && p.length > 0,
    );
    return [
      {
        source: SOURCE,
        repository,
        sha,
        committedAt,
        ...(authoredAt ? { authoredAt } : {}),
        // The merge request commits API may leave parents out (null).
        ...(Array.isArray(c.parent_ids) ? { parents } : {}),
        ...(options.pullRequest !== undefined
          ? { pullRequest: { number: options.pullRequest } }
          : {}),
        ...(isAutomatedCommit(c, isAutomated) ? { automated: true } : {}),
      },
    ];
  });
}

const hook = (kind: string, repository: string, project: Json, rest: Json) => ({
  object_kind: kind,
  project: { ...project, path_with_namespace: repository },
  ...rest,
});

/**
 * A deployment of the deployments API as the deployment webhook reports its
 * latest state: the same id, environment name, status, time of the status
 * and job URL.
 */
export function deploymentObservations(
  repository: string,
  deployment: Json,
  isAutomated?: IsAutomatedAuthor,
): Observations['deployments'] {
  const sha = str(deployment.sha);
  return mapGitlabEvent(
    hook(
      'deployment',
      repository,
      {},
      {
        deployment_id: idOf(deployment.id),
        environment: str(obj(deployment.environment)?.name),
        status: str(deployment.status),
        // The webhook's time of the status change; the API has it as the
        // finish time of a finished deployment and the update of others.
        status_changed_at:
          str(deployment.finished_at) ?? str(deployment.updated_at),
        // The webhook reads the full sha from the commit URL.
        commit_url: sha ? `/-/commit/${sha}` : undefined,
        deployable_url: str(obj(deployment.deployable)?.web_url),
      },
    ),
    isAutomated,
  ).deployments;
}

/**
 * The earliest note on a merge request by anyone but its author that is a
 * review: a comment, or GitLab's system note of an approval. Other system
 * notes (pushes, label changes, mentions) are not reviews. Only the time is
 * kept; author ids and note bodies are compared here and dropped.
 */
export function firstReviewAt(
  mergeRequest: Json,
  notes: unknown[],
): string | undefined {
  const author = obj(mergeRequest.author)?.id;
  return notes
    .map(obj)
    .filter(
      (n): n is Json =>
        !!n &&
        obj(n.author)?.id !== author &&
        (n.system !== true ||
          /^approved this merge request/i.test(String(n.body))),
    )
    .map(n => gitlabTime(n.created_at))
    .filter((t): t is string => !!t)
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

/**
 * A merge request of the merge requests API as the merge webhook reports it
 * (creation, merge time, the merge, squash or head commit that reached the
 * target branch, whether a bot opened it), with its first review from the
 * notes. Nothing when it does not target the default branch.
 */
export function mergeRequestObservations(
  repository: string,
  defaultBranch: string | undefined,
  mergeRequest: Json,
  notes: unknown[],
  isAutomated?: IsAutomatedAuthor,
): Observations['pullRequests'] {
  const author = obj(mergeRequest.author);
  const observations = mapGitlabEvent(
    hook(
      'merge_request',
      repository,
      { default_branch: defaultBranch },
      {
        object_attributes: {
          iid: mergeRequest.iid,
          target_branch: mergeRequest.target_branch,
          created_at: mergeRequest.created_at,
          updated_at: mergeRequest.updated_at,
          merged_at: mergeRequest.merged_at,
          state: mergeRequest.state,
          merge_commit_sha: mergeRequest.merge_commit_sha,
          squash_commit_sha: mergeRequest.squash_commit_sha,
          last_commit: { id: mergeRequest.sha },
          author_id: author?.id,
          author: { username: author?.username },
        },
      },
    ),
    isAutomated,
  ).pullRequests;
  const reviewedAt = firstReviewAt(mergeRequest, notes);
  return observations.map(o => (reviewedAt ? { ...o, reviewedAt } : o));
}

/**
 * An incident issue of the issues API as the issue webhook reports its
 * current state: open, or closed at its last close. An open issue is read as
 * reopened at its last update: GitLab clears `closed_at` on a reopen and the
 * API does not say when it happened, so a close stored from before then
 * (a webhook, an earlier run) no longer holds; a reopen is at or before
 * `updated_at`, and no close can be later than it while the issue is open.
 */
export function incidentObservations(
  repository: string,
  issue: Json,
  isAutomated?: IsAutomatedAuthor,
): Observations['repositoryIncidents'] {
  const severity = str(issue.severity)?.toLocaleLowerCase('en-US');
  return mapGitlabEvent(
    hook(
      'issue',
      repository,
      {},
      {
        object_attributes: {
          iid: issue.iid,
          // The API writes `INCIDENT` in `type` and `incident` in `issue_type`.
          type: str(issue.issue_type) ?? str(issue.type),
          title: issue.title,
          severity,
          state: issue.state,
          created_at: issue.created_at,
          updated_at: issue.updated_at,
          closed_at: issue.closed_at,
          url: issue.web_url,
        },
      },
    ),
    isAutomated,
  ).repositoryIncidents.map(o =>
    issue.state === 'opened' ? { ...o, reopened: true } : o,
  );
}

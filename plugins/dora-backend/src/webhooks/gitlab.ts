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

import {
  ChangeInput,
  DeploymentStatus,
} from '@dora-metrics/plugin-dora-common';
import { noObservations, Observations } from '../ingest/observations';
import {
  chainParents,
  compact,
  idOf,
  Json,
  list,
  obj,
  pushBase,
  repositoryPath,
  str,
} from './payloads';
import {
  automatedAuthorMatcher,
  IsAutomatedAuthor,
} from '../ingest/automatedAuthors';
import {
  revertFields,
  revertOfCommitMessage,
  revertOfPullRequest,
} from '../ingest/reverts';

const SOURCE = 'gitlab';

const GITLAB_TIME =
  /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*(UTC|Z|[+-]\d{2}:?\d{2})$/;

/**
 * GitLab webhooks write times as ISO 8601 or as `2021-04-28 21:50:00 +0200` /
 * `2013-12-03 17:23:34 UTC`; all become ISO 8601 with an offset.
 */
export function gitlabTime(value: unknown): string | undefined {
  const s = str(value)?.trim();
  if (!s) return undefined;
  const m = GITLAB_TIME.exec(s);
  if (!m) return s; // already ISO, or left for validation to report
  const [, date, clock, zone] = m;
  const offset =
    zone === 'UTC' || zone === 'Z'
      ? 'Z'
      : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return `${date}T${clock}${offset}`;
}

const DEPLOYMENT_STATES: Partial<Record<string, DeploymentStatus>> = {
  success: 'success',
  failed: 'failure',
  canceled: 'cancelled',
};

// The deployment hook has only a short sha; the full one is in the commit URL.
const shaFromCommitUrl = (url: string | undefined) =>
  url ? /\/commit\/([0-9a-f]{7,64})\/?$/i.exec(url)?.[1] : undefined;

function onDeployment(p: Json, repository: string, out: Observations) {
  const id = idOf(p.deployment_id);
  const environment = str(p.environment);
  const observedAt = gitlabTime(p.status_changed_at);
  if (!id || !environment || !observedAt) return;
  const status: DeploymentStatus | 'running' =
    DEPLOYMENT_STATES[str(p.status) ?? ''] ?? 'running';
  out.deployments.push({
    observedAt,
    deployment: compact({
      source: SOURCE,
      id,
      repository,
      environment,
      status,
      // No startedAt: the hook has no start time, and taking the time of a
      // "running" state would depend on whether it arrives before the end.
      sha: shaFromCommitUrl(str(p.commit_url)),
      url: str(p.deployable_url),
    }),
  });
}

/**
 * A push lists each commit's author by name and email only: a bot is
 * recognized by its name (`renovate[bot]`) or its email's local part
 * (`123+dependabot[bot]@users.noreply.github.com`).
 */
function isAutomatedCommit(commit: Json, isAutomated: IsAutomatedAuthor) {
  const author = obj(commit.author);
  const email = str(author?.email);
  return (
    isAutomated(str(author?.name)) ||
    (!!email && email.includes('@') && isAutomated(email.split('@')[0]))
  );
}

/**
 * The hook names the merge request's author only by id; `user` is whoever
 * triggered the event, so their username tells only when they are the author.
 */
function isAutomatedMergeRequest(
  p: Json,
  mr: Json,
  isAutomated: IsAutomatedAuthor,
) {
  const actor = obj(p.user);
  const author =
    str(obj(mr.author)?.username) ??
    (actor && actor.id === mr.author_id ? str(actor.username) : undefined);
  return isAutomated(author);
}

function onPush(
  p: Json,
  repository: string,
  out: Observations,
  isAutomated: IsAutomatedAuthor,
) {
  const branch = str(obj(p.project)?.default_branch);
  if (!branch || p.ref !== `refs/heads/${branch}`) return;
  const commits = list(p.commits)
    .map(obj)
    .filter((c): c is Json => !!str(c?.id) && !!gitlabTime(c?.timestamp));
  const head = str(p.checkout_sha) ?? str(p.after);
  // Ordered oldest first so that the head comes last.
  if (commits.length > 1 && str(commits[0].id) === head) commits.reverse();
  // The hook lists at most 20 commits; older ones' parents are then unknown.
  const complete =
    typeof p.total_commits_count !== 'number' ||
    p.total_commits_count <= commits.length;
  const parents = chainParents(
    commits.map(c => str(c.id)!),
    complete ? pushBase(p.before) : undefined,
  );
  commits.forEach((c, i) =>
    out.changes.push({
      source: SOURCE,
      repository,
      sha: str(c.id)!,
      committedAt: gitlabTime(c.timestamp)!,
      parents: parents[i],
      // Compared here and dropped: only the flag is kept.
      ...(isAutomatedCommit(c, isAutomated) ? { automated: true } : {}),
      // Read here and dropped: only what it reverts is kept.
      ...revertFields(revertOfCommitMessage(str(c.message), repository)),
    } satisfies ChangeInput),
  );
}

const APPROVALS = new Set(['approved', 'approval']);

function onMergeRequest(
  p: Json,
  repository: string,
  out: Observations,
  isAutomated: IsAutomatedAuthor,
) {
  const mr = obj(p.object_attributes);
  const number = mr?.iid;
  const defaultBranch = str(obj(p.project)?.default_branch);
  if (!mr || typeof number !== 'number') return;
  if (defaultBranch && str(mr.target_branch) !== defaultBranch) return;
  const action = str(mr.action);
  const actor = obj(p.user)?.id;
  const merged = action === 'merge' || mr.state === 'merged';
  out.pullRequests.push(
    compact({
      source: SOURCE,
      repository,
      number,
      createdAt: gitlabTime(mr.created_at),
      reviewedAt:
        action && APPROVALS.has(action) && actor !== mr.author_id
          ? gitlabTime(mr.updated_at)
          : undefined,
      mergedAt: merged
        ? gitlabTime(mr.merged_at) ?? gitlabTime(mr.updated_at)
        : undefined,
      mergeSha: merged
        ? str(mr.merge_commit_sha) ??
          str(mr.squash_commit_sha) ??
          str(obj(mr.last_commit)?.id)
        : undefined,
      automated: isAutomatedMergeRequest(p, mr, isAutomated) || undefined,
      // The revert button's title and description, read here and dropped.
      ...revertFields(
        revertOfPullRequest(str(mr.title), str(mr.description), repository),
      ),
    }),
  );
}

function isIncident(issue: Json) {
  const type = str(issue.type) ?? str(issue.issue_type);
  return type?.toLocaleLowerCase('en-US') === 'incident';
}

function onIssue(p: Json, repository: string, out: Observations) {
  const issue = obj(p.object_attributes);
  const startedAt = gitlabTime(issue?.created_at);
  if (!issue || !isIncident(issue) || typeof issue.iid !== 'number') return;
  if (!startedAt) return;
  const closed = issue.state === 'closed';
  const severity = str(issue.severity);
  out.repositoryIncidents.push({
    repository,
    observedAt: gitlabTime(issue.updated_at) ?? startedAt,
    // Open again from now: an older close, delivered late, does not close it.
    ...(str(issue.action) === 'reopen' ? { reopened: true } : {}),
    incident: compact({
      source: SOURCE,
      id: `${repository}#${issue.iid}`,
      title: str(issue.title),
      severity: severity === 'unknown' ? undefined : severity,
      startedAt,
      resolvedAt: closed
        ? gitlabTime(issue.closed_at) ?? gitlabTime(issue.updated_at) ?? null
        : null,
      url: str(issue.url),
    }),
  });
}

const HANDLERS: Record<
  string,
  (
    p: Json,
    repository: string,
    out: Observations,
    isAutomated: IsAutomatedAuthor,
  ) => void
> = {
  deployment: onDeployment,
  push: onPush,
  merge_request: onMergeRequest,
  issue: onIssue,
  work_item: onIssue,
};

/**
 * What one GitLab webhook delivery tells, by its `object_kind`. Pure: the
 * same payload always maps to the same observations.
 */
export function mapGitlabEvent(
  payload: unknown,
  isAutomated: IsAutomatedAuthor = automatedAuthorMatcher(),
): Observations {
  const out = noObservations();
  const p = obj(payload);
  const repository = repositoryPath(obj(p?.project)?.path_with_namespace);
  const handler = HANDLERS[str(p?.object_kind) ?? ''];
  if (p && repository && handler) handler(p, repository, out, isAutomated);
  return out;
}

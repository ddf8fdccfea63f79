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
import {
  DeploymentObservation,
  noObservations,
  Observations,
  PullRequestObservation,
} from '../ingest/observations';
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

const SOURCE = 'github';
/** The label that makes an issue an incident. */
export const INCIDENT_LABEL = 'incident';

/** GitHub deployment status states; the rest (queued, pending, in_progress, inactive...) are not final. */
const FINAL_STATES: Partial<Record<string, DeploymentStatus>> = {
  success: 'success',
  failure: 'failure',
  error: 'failure',
};

function deploymentObservation(
  repository: string,
  deployment: Json,
  status: DeploymentObservation['deployment']['status'],
  observedAt: string | undefined,
  environment: string | undefined,
  url: string | undefined,
): DeploymentObservation | undefined {
  const id = idOf(deployment.id);
  const env = environment ?? str(deployment.environment);
  if (!id || !env || !observedAt) return undefined;
  return {
    observedAt,
    deployment: compact({
      source: SOURCE,
      id,
      repository,
      environment: env,
      status,
      startedAt: str(deployment.created_at),
      sha: str(deployment.sha),
      url,
    }),
  };
}

function onDeployment(p: Json, repository: string, out: Observations) {
  const deployment = obj(p.deployment);
  if (!deployment) return;
  const o = deploymentObservation(
    repository,
    deployment,
    'running',
    str(deployment.created_at),
    undefined,
    undefined,
  );
  if (o) out.deployments.push(o);
}

function onDeploymentStatus(p: Json, repository: string, out: Observations) {
  const deployment = obj(p.deployment);
  const status = obj(p.deployment_status);
  if (!deployment || !status) return;
  const state = str(status.state) ?? '';
  const o = deploymentObservation(
    repository,
    deployment,
    FINAL_STATES[state] ?? 'running',
    str(status.created_at),
    str(status.environment),
    str(status.target_url) ?? str(status.log_url),
  );
  if (o) out.deployments.push(o);
}

function onPush(
  p: Json,
  repository: string,
  out: Observations,
  isAutomated: IsAutomatedAuthor,
) {
  // Other branches too: a merged pull request without API credentials takes
  // its commits from the pushes to its head branch (see WebhookIngestor).
  // Only the commits are stored, never the branch or who pushed.
  if (typeof p.ref !== 'string' || !p.ref.startsWith('refs/heads/')) return;
  if (p.deleted === true) return;
  const commits = list(p.commits)
    .map(obj)
    .filter((c): c is Json => !!str(c?.id) && !!str(c?.timestamp));
  // After a forced push the first new commit does not sit on `before`.
  const base = p.forced === true ? undefined : pushBase(p.before);
  const parents = chainParents(
    commits.map(c => str(c.id)!),
    base,
  );
  commits.forEach((c, i) =>
    out.changes.push({
      source: SOURCE,
      repository,
      sha: str(c.id)!,
      committedAt: str(c.timestamp)!,
      parents: parents[i],
      // Compared here and dropped: only the flag is kept.
      ...(isAutomated(str(obj(c.author)?.username)) ? { automated: true } : {}),
      // Read here and dropped: only what it reverts is kept.
      ...revertFields(revertOfCommitMessage(str(c.message), repository)),
    } satisfies ChangeInput),
  );
}

function pullRequestBase(
  p: Json,
  repository: string,
  isAutomated: IsAutomatedAuthor,
) {
  const pr = obj(p.pull_request);
  const number = typeof pr?.number === 'number' ? pr.number : undefined;
  const target = str(obj(pr?.base)?.ref);
  const defaultBranch = str(obj(p.repository)?.default_branch);
  // Only pull requests into the default branch ship to production.
  if (!pr || !number || (defaultBranch && target !== defaultBranch))
    return undefined;
  const author = obj(pr.user);
  // GitHub marks App accounts `type: "Bot"`; other bots match by login.
  const automated = author?.type === 'Bot' || isAutomated(str(author?.login));
  return {
    pr,
    observation: {
      source: SOURCE,
      repository,
      number,
      createdAt: str(pr.created_at),
      ...(automated ? { automated: true } : {}),
      // The revert button's title and body, read here and dropped.
      ...revertFields(
        revertOfPullRequest(str(pr.title), str(pr.body), repository),
      ),
    } as PullRequestObservation,
  };
}

function onPullRequest(
  p: Json,
  repository: string,
  out: Observations,
  isAutomated: IsAutomatedAuthor,
) {
  const base = pullRequestBase(p, repository, isAutomated);
  if (!base) return;
  const { pr, observation } = base;
  if (pr.merged === true && str(pr.merged_at) && str(pr.merge_commit_sha)) {
    observation.mergedAt = str(pr.merged_at);
    observation.mergeSha = str(pr.merge_commit_sha);
  }
  out.pullRequests.push(compact(observation));
}

function onPullRequestReview(
  p: Json,
  repository: string,
  out: Observations,
  isAutomated: IsAutomatedAuthor,
) {
  const base = pullRequestBase(p, repository, isAutomated);
  const review = obj(p.review);
  if (!base || !review || p.action !== 'submitted') return;
  const reviewer = str(obj(review.user)?.login);
  const author = str(obj(base.pr.user)?.login);
  // Pickup time ends with a review by someone else, not the author's own comment.
  if (reviewer && reviewer !== author && str(review.state) !== 'pending') {
    base.observation.reviewedAt = str(review.submitted_at);
  }
  out.pullRequests.push(compact(base.observation));
}

function onIssue(p: Json, repository: string, out: Observations) {
  const issue = obj(p.issue);
  const number = issue?.number;
  const labelled = list(issue?.labels).some(
    l => str(obj(l)?.name)?.toLocaleLowerCase('en-US') === INCIDENT_LABEL,
  );
  const startedAt = str(issue?.created_at);
  if (!issue || typeof number !== 'number' || !labelled || !startedAt) return;
  const closed = issue.state === 'closed';
  out.repositoryIncidents.push({
    repository,
    observedAt: str(issue.updated_at) ?? startedAt,
    // Open again from now: an older close, delivered late, does not close it.
    ...(p.action === 'reopened' ? { reopened: true } : {}),
    incident: compact({
      source: SOURCE,
      id: `${repository}#${number}`,
      title: str(issue.title),
      startedAt,
      resolvedAt: closed
        ? str(issue.closed_at) ?? str(issue.updated_at) ?? null
        : null,
      url: str(issue.html_url),
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
  deployment_status: onDeploymentStatus,
  push: onPush,
  pull_request: onPullRequest,
  pull_request_review: onPullRequestReview,
  issues: onIssue,
};

/** The GitHub events this plugin reads (the `X-GitHub-Event` names). */
export const GITHUB_EVENTS = Object.keys(HANDLERS);

/**
 * What one GitHub webhook delivery tells, by its `X-GitHub-Event` name.
 * Pure: the same payload always maps to the same observations.
 */
export function mapGithubEvent(
  event: string,
  payload: unknown,
  isAutomated: IsAutomatedAuthor = automatedAuthorMatcher(),
): Observations {
  const out = noObservations();
  const p = obj(payload);
  const repository = repositoryPath(obj(p?.repository)?.full_name);
  const handler = HANDLERS[event];
  if (p && repository && handler) handler(p, repository, out, isAutomated);
  return out;
}

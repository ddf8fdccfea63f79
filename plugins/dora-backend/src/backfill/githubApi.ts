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
  automatedAuthorMatcher,
  IsAutomatedAuthor,
} from '../ingest/automatedAuthors';
import {
  ChangeInput,
  DeploymentStatus,
} from '@dora-metrics/plugin-dora-common';
import {
  DeploymentObservation,
  PullRequestObservation,
} from '../ingest/observations';
import { idOf, Json, list, obj, str } from '../webhooks/payloads';
import {
  revertFields,
  revertOfCommitMessage,
  revertOfPullRequest,
} from '../ingest/reverts';

/*
 * Pure mappings of GitHub REST API answers (deployments, deployment statuses,
 * compare, pulls, reviews) to the observations webhooks produce, so the
 * backfill and webhooks merge into the same stored events.
 */

const SOURCE = 'github';

const FINAL_STATES: Partial<Record<string, DeploymentStatus>> = {
  success: 'success',
  failure: 'failure',
  error: 'failure',
};

/** One observation per status of a deployment (the merge keeps the latest final one). */
export function deploymentObservations(
  repository: string,
  deployment: Json,
  statuses: unknown[],
): DeploymentObservation[] {
  const id = idOf(deployment.id);
  const environment = str(deployment.environment);
  const createdAt = str(deployment.created_at);
  if (!id || !environment || !createdAt) return [];
  const base = {
    source: SOURCE,
    id,
    repository,
    environment,
    startedAt: createdAt,
    ...(str(deployment.sha) ? { sha: str(deployment.sha) } : {}),
  };
  const observations: DeploymentObservation[] = [
    { observedAt: createdAt, deployment: { ...base, status: 'running' } },
  ];
  for (const s of statuses.map(obj)) {
    const at = str(s?.created_at);
    if (!s || !at) continue;
    const url = str(s.target_url) ?? str(s.log_url);
    observations.push({
      observedAt: at,
      deployment: {
        ...base,
        ...(str(s.environment) ? { environment: str(s.environment)! } : {}),
        status: FINAL_STATES[str(s.state) ?? ''] ?? 'running',
        ...(url ? { url } : {}),
      },
    });
  }
  return observations;
}

/** A GitHub account is a bot's when GitHub says so (Apps) or its login matches. */
const isBot = (user: Json | undefined, isAutomated: IsAutomatedAuthor) =>
  user?.type === 'Bot' || isAutomated(str(user?.login));

/** Commits of a compare answer, with their real parents. */
export function compareCommits(
  repository: string,
  body: unknown,
  isAutomated: IsAutomatedAuthor = automatedAuthorMatcher(),
): ChangeInput[] {
  return list(obj(body)?.commits).flatMap(item => {
    const c = obj(item);
    const commit = obj(c?.commit);
    const sha = str(c?.sha);
    const committedAt =
      str(obj(commit?.committer)?.date) ?? str(obj(commit?.author)?.date);
    if (!sha || !committedAt) return [];
    const authoredAt = str(obj(commit?.author)?.date);
    return [
      {
        source: SOURCE,
        repository,
        sha,
        committedAt,
        ...(authoredAt ? { authoredAt } : {}),
        parents: list(c?.parents)
          .map(p => str(obj(p)?.sha))
          .filter((p): p is string => !!p),
        // The author's GitHub account, compared here and dropped.
        ...(isBot(obj(c?.author), isAutomated) ? { automated: true } : {}),
        // The message, read here and dropped: only what it reverts is kept.
        ...revertFields(
          revertOfCommitMessage(str(commit?.message), repository),
        ),
      },
    ];
  });
}

/** A merged pull request and its first review by someone other than its author. */
export function mergedPullRequest(
  repository: string,
  pull: Json,
  reviews: unknown[],
  isAutomated: IsAutomatedAuthor = automatedAuthorMatcher(),
): PullRequestObservation | undefined {
  const number = pull.number;
  const mergedAt = str(pull.merged_at);
  const mergeSha = str(pull.merge_commit_sha);
  if (typeof number !== 'number' || !mergedAt || !mergeSha) return undefined;
  const author = str(obj(pull.user)?.login);
  const reviewTimes = reviews
    .map(obj)
    .filter(r => r && str(obj(r.user)?.login) !== author)
    .map(r => str(r?.submitted_at))
    .filter((t): t is string => !!t)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return {
    source: SOURCE,
    repository,
    number,
    mergedAt,
    mergeSha,
    ...(str(pull.created_at) ? { createdAt: str(pull.created_at) } : {}),
    ...(reviewTimes[0] ? { reviewedAt: reviewTimes[0] } : {}),
    ...(isBot(obj(pull.user), isAutomated) ? { automated: true } : {}),
    ...revertFields(
      revertOfPullRequest(str(pull.title), str(pull.body), repository),
    ),
  };
}

/**
 * The commits of a pull request (`pulls/{n}/commits`: the branch commits a
 * merge or squash brought in, with their original shas), as changes that
 * carry the pull request's number.
 */
export function pullRequestCommits(
  repository: string,
  number: number,
  body: unknown,
  isAutomated: IsAutomatedAuthor = automatedAuthorMatcher(),
): ChangeInput[] {
  return compareCommits(repository, { commits: body }, isAutomated).map(c => ({
    ...c,
    pullRequest: { number },
  }));
}

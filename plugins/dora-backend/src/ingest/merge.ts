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
  DeploymentInput,
  DeploymentStatus,
  IncidentInput,
} from '@dora-metrics/plugin-dora-common';
import { PullRequestState } from '../database/pullRequests';
import {
  DeploymentObservation,
  IncidentObservation,
  PullRequestObservation,
} from './observations';

/*
 * Merges of a provider observation with what is stored. Deliveries arrive
 * out of order and are redelivered, so every merge is decided by provider
 * timestamps, never by arrival: applying the same observations in any order,
 * any number of times, ends in the same state.
 */

/** `primary`'s defined fields, the rest from `secondary`. */
function fill<T extends object>(primary: T, secondary: Partial<T>): T {
  const out = { ...secondary } as T;
  for (const [k, v] of Object.entries(primary)) {
    if (v !== undefined && v !== null) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

const time = (iso: string) => Date.parse(iso);

// Two final states at the same instant: the worse one wins, so that a tie
// resolves the same way whichever arrives first.
const STATUS_RANK: Record<DeploymentStatus, number> = {
  failure: 3,
  cancelled: 2,
  success: 1,
};

/**
 * A deployment's final state is the latest final state by provider time; a
 * non-final state only adds fields that are still unknown. Returns undefined
 * when there is nothing to store yet (a deployment that has not finished):
 * the providers repeat a deployment's own fields (sha, start) in each of its
 * states, so the final state brings them again.
 */
export function mergeDeployment(
  stored: DeploymentInput | undefined,
  observation: DeploymentObservation,
): DeploymentInput | undefined {
  const { status, ...fields } = observation.deployment;
  if (status === 'running') {
    return stored ? fill(stored, fields) : undefined;
  }
  const incoming: DeploymentInput = {
    ...fields,
    status,
    finishedAt: observation.observedAt,
  };
  if (!stored) return incoming;
  const storedAt = time(stored.finishedAt);
  const incomingAt = time(incoming.finishedAt);
  const incomingWins =
    incomingAt > storedAt ||
    (incomingAt === storedAt &&
      STATUS_RANK[status] >= STATUS_RANK[stored.status]);
  const merged = incomingWins ? fill(incoming, stored) : fill(stored, incoming);
  // The start is the earliest any event saw.
  const starts = [stored.startedAt, incoming.startedAt].filter(
    (s): s is string => !!s,
  );
  if (starts.length > 0) {
    merged.startedAt = starts.reduce((a, b) => (time(a) <= time(b) ? a : b));
  }
  return merged;
}

/** The earlier (or later) of two optional times; either when one is missing. */
function pickTime(
  a: string | null | undefined,
  b: string | null | undefined,
  later: boolean,
): string | undefined {
  if (!a) return b ?? undefined;
  if (!b) return a;
  const aFirst = time(a) <= time(b);
  return aFirst !== later ? a : b;
}
const earliest = (a?: string | null, b?: string | null) =>
  pickTime(a, b, false);
const latest = (a?: string | null, b?: string | null) => pickTime(a, b, true);

/** An incident as stored, with when it was last reopened. */
export type StoredIncident = IncidentInput & { reopenedAt?: string };

/**
 * An incident starts at the earliest start seen. It is resolved at the
 * latest resolution seen, unless it was reopened after that: a reopen makes
 * it open again, and only a resolution after the last reopen closes it. A
 * late "triggered" never reopens it, nor a late resolution older than the
 * last reopen closes it. Title and severity come from the newest event.
 *
 * Keeping the last reopen and, when later, the last resolution is enough:
 * a resolution dropped because a reopen followed it can never matter again,
 * so any order of the same observations ends in the same state.
 */
export function mergeIncident(
  stored: StoredIncident | undefined,
  observation: IncidentObservation,
): StoredIncident {
  const incoming = observation.incident;
  const reopenedAt = observation.reopened ? observation.observedAt : undefined;
  if (!stored) {
    return reopenedState({
      ...incoming,
      resolvedAt: incoming.resolvedAt ?? null,
      ...(reopenedAt ? { reopenedAt } : {}),
    });
  }
  // What is stored was observed no later than its last known transition.
  const storedAt = time(
    latest(latest(stored.startedAt, stored.resolvedAt), stored.reopenedAt)!,
  );
  const merged: StoredIncident =
    time(observation.observedAt) >= storedAt
      ? fill(incoming, stored)
      : fill(stored, incoming);
  merged.startedAt = earliest(stored.startedAt, incoming.startedAt)!;
  merged.resolvedAt = latest(stored.resolvedAt, incoming.resolvedAt) ?? null;
  const lastReopen = latest(stored.reopenedAt, reopenedAt);
  if (lastReopen) merged.reopenedAt = lastReopen;
  return reopenedState(merged);
}

/** Open when reopened at or after its last resolution (a tie reopens). */
function reopenedState(incident: StoredIncident): StoredIncident {
  const { resolvedAt, reopenedAt } = incident;
  if (resolvedAt && reopenedAt && time(resolvedAt) <= time(reopenedAt))
    return { ...incident, resolvedAt: null };
  return incident;
}

/**
 * A pull request as two observations of a commit know it: the stored one's
 * fields, filled from the incoming one (a later observation fills, never
 * erases). A commit belongs to one pull request: a different number is kept
 * out rather than mixed in.
 */
function mergeCommitPullRequest(
  stored: ChangeInput['pullRequest'],
  incoming: ChangeInput['pullRequest'],
): ChangeInput['pullRequest'] {
  if (!stored || !incoming) return stored ?? incoming;
  if (stored.number !== incoming.number) return stored;
  return fill(stored, incoming);
}

/**
 * A commit from a commit source (push, compare, a pull request's commit
 * list): its own fields win, its pull request is kept from what is stored
 * and filled from what it brings.
 */
export function mergeCommit(
  stored: ChangeInput | undefined,
  incoming: ChangeInput,
): ChangeInput {
  if (!stored) return incoming;
  return {
    ...fill(incoming, stored),
    parents: incoming.parents?.length ? incoming.parents : stored.parents,
    pullRequest: mergeCommitPullRequest(
      stored.pullRequest,
      incoming.pullRequest,
    ),
    // A source may not know the author (a pull request's merge); once a bot's, always.
    ...(incoming.automated || stored.automated ? { automated: true } : {}),
    // A revert stays one: a source that does not read messages cannot undo it.
    ...revertOf(incoming, stored),
  };
}

/** What a commit reverts: what one observation says, else the other. */
function revertOf(
  primary: Pick<ChangeInput, 'revertOf' | 'revertOfPullRequest'>,
  secondary: Pick<ChangeInput, 'revertOf' | 'revertOfPullRequest'> | undefined,
): Pick<ChangeInput, 'revertOf' | 'revertOfPullRequest'> {
  const sha = primary.revertOf ?? secondary?.revertOf;
  const pr = primary.revertOfPullRequest ?? secondary?.revertOfPullRequest;
  return {
    ...(sha ? { revertOf: sha } : {}),
    ...(pr !== undefined ? { revertOfPullRequest: pr } : {}),
  };
}

/** Field by field: earliest creation, earliest review, the merge once known. */
export function mergePullRequest(
  stored: PullRequestState | undefined,
  observation: PullRequestObservation,
): PullRequestState {
  const ms = (iso?: string) => (iso ? time(iso) : null);
  const min = (a: number | null, b: number | null) => {
    if (a === null) return b;
    return b === null ? a : Math.min(a, b);
  };
  return {
    source: observation.source,
    repository: observation.repository,
    number: observation.number,
    createdAt: min(stored?.createdAt ?? null, ms(observation.createdAt)),
    firstReviewAt: min(
      stored?.firstReviewAt ?? null,
      ms(observation.reviewedAt),
    ),
    mergedAt: ms(observation.mergedAt) ?? stored?.mergedAt ?? null,
    mergeSha: observation.mergeSha ?? stored?.mergeSha ?? null,
    // Once a body names what it reverts, a later event without it keeps it.
    ...revertOf(observation, {
      revertOf: stored?.revertOf ?? undefined,
      revertOfPullRequest: stored?.revertOfPullRequest ?? undefined,
    }),
  };
}

/**
 * The commit a merged pull request put on the target branch, with the pull
 * request attached. When the commit itself is not known yet, the merge time
 * stands in for its commit time until a push or the backfill brings it.
 */
export function pullRequestChange(
  state: PullRequestState,
  stored: ChangeInput | undefined,
  automated = false,
): ChangeInput | undefined {
  if (!state.mergeSha || state.mergedAt === null) return undefined;
  const iso = (ms: number | null) =>
    ms === null ? undefined : new Date(ms).toISOString();
  const base: ChangeInput = stored ?? {
    source: state.source,
    repository: state.repository,
    sha: state.mergeSha,
    committedAt: iso(state.mergedAt)!,
    parents: [],
  };
  return {
    ...base,
    ...(automated || base.automated ? { automated: true } : {}),
    // The merge or squash commit of a revert pull request is the revert.
    ...revertOf(base, {
      revertOf: state.revertOf ?? undefined,
      revertOfPullRequest: state.revertOfPullRequest ?? undefined,
    }),
    // The pull request's state wins; what the commit's own sources said of
    // it fills the rest and is never erased.
    pullRequest: fill(
      {
        number: state.number,
        createdAt: iso(state.createdAt),
        firstReviewAt: iso(state.firstReviewAt),
        mergedAt: iso(state.mergedAt),
      },
      base.pullRequest?.number === state.number ? base.pullRequest : {},
    ),
  };
}

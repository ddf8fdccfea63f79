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

import fc from 'fast-check';
import { IncidentInput } from '@dora-metrics/plugin-dora-common';
import {
  mergeCommit,
  mergeDeployment,
  mergeIncident,
  mergePullRequest,
  pullRequestChange,
} from './merge';
import { DeploymentObservation, IncidentObservation } from './observations';

const deployment = (
  status: DeploymentObservation['deployment']['status'],
  observedAt: string,
  extra: Partial<DeploymentObservation['deployment']> = {},
): DeploymentObservation => ({
  observedAt,
  deployment: {
    source: 'github',
    id: '42',
    repository: 'acme/checkout',
    environment: 'production',
    status,
    ...extra,
  },
});

const incident = (
  observedAt: string,
  resolvedAt: string | null,
  title = 'Checkout 5xx',
): IncidentObservation => ({
  observedAt,
  incident: {
    source: 'pagerduty',
    id: 'Q1',
    service: 'PXYZ',
    title,
    startedAt: '2026-03-03T10:00:00Z',
    resolvedAt,
  },
});

/** Applies observations in order, as successive deliveries would. */
function fold<O, T>(
  observations: O[],
  merge: (stored: T | undefined, o: O) => T | undefined,
): T | undefined {
  return observations.reduce<T | undefined>(
    (stored, o) => merge(stored, o) ?? stored,
    undefined,
  );
}

describe('mergeDeployment', () => {
  // Every provider state repeats the deployment's own fields (sha, start).
  const fields = { startedAt: '2026-03-02T11:50:00Z', sha: 'a1' };
  const history = [
    deployment('running', '2026-03-02T11:50:00Z', fields),
    deployment('failure', '2026-03-02T11:55:00Z', fields),
    deployment('success', '2026-03-02T12:00:00Z', {
      ...fields,
      url: 'https://ci/1',
    }),
    deployment('running', '2026-03-02T12:05:00Z', fields),
  ];

  it('stores nothing for a deployment that has not finished', () => {
    expect(mergeDeployment(undefined, history[0])).toBeUndefined();
  });

  it('ends in the latest final state whatever the order and repetitions', () => {
    const expected = {
      source: 'github',
      id: '42',
      repository: 'acme/checkout',
      environment: 'production',
      status: 'success',
      finishedAt: '2026-03-02T12:00:00Z',
      startedAt: '2026-03-02T11:50:00Z',
      sha: 'a1',
      url: 'https://ci/1',
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...history), { minLength: 1, maxLength: 12 }),
        fc.shuffledSubarray(history, { minLength: 4, maxLength: 4 }),
        (noise, all) => {
          const result = fold([...noise, ...all, ...noise], mergeDeployment);
          expect(result).toEqual(expected);
        },
      ),
    );
  });

  it('lets an older in-progress state fill fields but never the status', () => {
    const stored = mergeDeployment(
      undefined,
      deployment('success', '2026-03-02T12:00:00Z'),
    )!;
    const merged = mergeDeployment(stored, history[0])!;
    expect(merged).toMatchObject({
      status: 'success',
      finishedAt: '2026-03-02T12:00:00Z',
      startedAt: '2026-03-02T11:50:00Z',
      sha: 'a1',
    });
  });

  it('resolves two final states at the same instant the same way in both orders', () => {
    const a = deployment('success', '2026-03-02T12:00:00Z');
    const b = deployment('failure', '2026-03-02T12:00:00Z');
    expect(fold([a, b], mergeDeployment)?.status).toBe('failure');
    expect(fold([b, a], mergeDeployment)?.status).toBe('failure');
  });
});

describe('mergeIncident', () => {
  const triggered = incident('2026-03-03T10:00:00Z', null);
  const acknowledged = incident(
    '2026-03-03T10:05:00Z',
    null,
    'Checkout 5xx (ack)',
  );
  const resolved = incident(
    '2026-03-03T12:30:00Z',
    '2026-03-03T12:30:00Z',
    'Checkout 5xx (done)',
  );

  it('ends resolved, with the newest title, in any order', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([triggered, acknowledged, resolved], {
          minLength: 3,
          maxLength: 3,
        }),
        order => {
          const result = fold<IncidentObservation, IncidentInput>(
            order,
            mergeIncident,
          );
          expect(result).toMatchObject({
            startedAt: '2026-03-03T10:00:00Z',
            resolvedAt: '2026-03-03T12:30:00Z',
            title: 'Checkout 5xx (done)',
          });
        },
      ),
    );
  });

  it('never reopens a resolved incident for a late trigger', () => {
    const stored = mergeIncident(undefined, resolved);
    expect(mergeIncident(stored, triggered).resolvedAt).toBe(
      '2026-03-03T12:30:00Z',
    );
  });

  it('keeps the latest resolution when an incident is resolved twice', () => {
    const again = incident('2026-03-03T15:00:00Z', '2026-03-03T15:00:00Z');
    expect(fold([again, resolved], mergeIncident)?.resolvedAt).toBe(
      '2026-03-03T15:00:00Z',
    );
  });
});

describe('mergeIncident with reopens', () => {
  const triggered = incident('2026-03-03T10:00:00Z', null);
  const resolved = incident('2026-03-03T11:00:00Z', '2026-03-03T11:00:00Z');
  const reopened: IncidentObservation = {
    ...incident('2026-03-03T12:00:00Z', null),
    reopened: true,
  };
  const resolvedAgain = incident(
    '2026-03-03T14:00:00Z',
    '2026-03-03T14:00:00Z',
  );
  const all = [triggered, resolved, reopened, resolvedAgain];

  it('is open again from the reopen, until a resolve after it', () => {
    expect(fold([triggered, resolved, reopened], mergeIncident)).toMatchObject({
      resolvedAt: null,
      reopenedAt: '2026-03-03T12:00:00Z',
    });
    expect(fold(all, mergeIncident)).toMatchObject({
      startedAt: '2026-03-03T10:00:00Z',
      resolvedAt: '2026-03-03T14:00:00Z',
    });
  });

  it('ends in the same state in any order and with redeliveries', () => {
    const inOrder = fold(all, mergeIncident);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...all), { maxLength: 4 }).chain(extra =>
          fc.shuffledSubarray([...all, ...extra], {
            minLength: all.length + extra.length,
          }),
        ),
        order => {
          expect(fold(order, mergeIncident)).toEqual(inOrder);
        },
      ),
    );
  });

  it('is not closed by a resolve older than the last reopen, delivered late', () => {
    const stored = fold([triggered, reopened], mergeIncident);
    expect(mergeIncident(stored, resolved).resolvedAt).toBe(null);
  });

  it('stays open when the last reopen has no resolve after it, in any order', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([triggered, resolved, reopened], {
          minLength: 3,
          maxLength: 3,
        }),
        order => {
          expect(fold(order, mergeIncident)?.resolvedAt).toBe(null);
        },
      ),
    );
  });
});

describe('pull requests', () => {
  const base = { source: 'github', repository: 'acme/checkout', number: 7 };

  it('keeps the earliest review and attaches itself to the merge commit once merged', () => {
    let state = mergePullRequest(undefined, {
      ...base,
      createdAt: '2026-03-02T09:00:00Z',
      reviewedAt: '2026-03-02T10:00:00Z',
    });
    state = mergePullRequest(state, {
      ...base,
      reviewedAt: '2026-03-02T09:30:00Z',
    });
    expect(pullRequestChange(state, undefined)).toBeUndefined();
    state = mergePullRequest(state, {
      ...base,
      reviewedAt: '2026-03-02T11:00:00Z',
      mergedAt: '2026-03-02T11:30:00Z',
      mergeSha: 'c3',
    });
    const stored = {
      source: 'github',
      repository: 'acme/checkout',
      sha: 'c3',
      committedAt: '2026-03-02T11:29:00Z',
      parents: ['c2'],
    };
    expect(pullRequestChange(state, stored)).toEqual({
      ...stored,
      pullRequest: {
        number: 7,
        createdAt: '2026-03-02T09:00:00.000Z',
        firstReviewAt: '2026-03-02T09:30:00.000Z',
        mergedAt: '2026-03-02T11:30:00.000Z',
      },
    });
  });

  it("marks the merge commit automated when the pull request is a bot's, and never unmarks it", () => {
    const state = mergePullRequest(undefined, {
      ...base,
      mergedAt: '2026-03-02T11:30:00Z',
      mergeSha: 'c3',
      automated: true,
    });
    expect(pullRequestChange(state, undefined, true)).toMatchObject({
      sha: 'c3',
      automated: true,
    });
    expect(
      pullRequestChange(state, undefined, false)?.automated,
    ).toBeUndefined();
    const stored = {
      source: 'github',
      repository: 'acme/checkout',
      sha: 'c3',
      committedAt: '2026-03-02T11:29:00Z',
      automated: true,
    };
    // A later push of the same commit, its author unknown, keeps the flag.
    expect(
      mergeCommit(stored, { ...stored, automated: undefined }).automated,
    ).toBe(true);
  });

  it("fills a commit's pull request from a later observation, never erases it", () => {
    const commit = {
      source: 'git',
      repository: 'acme/checkout',
      sha: 'b1',
      committedAt: '2026-03-02T06:00:00Z',
    };
    // Pushed first with its first commit, then listed as a branch commit.
    const first = mergeCommit(undefined, {
      ...commit,
      pullRequest: { number: 7, firstCommitAt: '2026-03-02T05:00:00Z' },
    });
    const later = mergeCommit(first, {
      ...commit,
      pullRequest: { number: 7, createdAt: '2026-03-02T08:00:00Z' },
    });
    expect(later.pullRequest).toEqual({
      number: 7,
      firstCommitAt: '2026-03-02T05:00:00Z',
      createdAt: '2026-03-02T08:00:00Z',
    });
    // Another pull request's number does not replace the stored one.
    expect(
      mergeCommit(later, { ...commit, pullRequest: { number: 8 } }).pullRequest,
    ).toEqual(later.pullRequest);
    // The merge keeps what the commit's sources said.
    const state = mergePullRequest(undefined, {
      ...base,
      mergedAt: '2026-03-02T11:30:00Z',
      mergeSha: 'b1',
    });
    expect(pullRequestChange(state, later)?.pullRequest).toEqual({
      number: 7,
      createdAt: '2026-03-02T08:00:00Z',
      firstCommitAt: '2026-03-02T05:00:00Z',
      mergedAt: '2026-03-02T11:30:00.000Z',
    });
  });
});

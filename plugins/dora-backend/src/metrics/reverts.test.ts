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

import { deriveEntityFacts } from './deriveFacts';
import { ChangeRecord, DeploymentRecord, EntityHistory } from './types';
import { deploymentRecord, t } from '../__testUtils__/records';

/*
 * Worked examples of the revert rules. Commit shas are 40 hex digits, as
 * git writes them; `sha(n)` is commit n.
 */

const sha = (n: number) => `abcdef0${n.toString(16)}`.padEnd(40, '0');
const REPO = 'acme/shop';

const change = (
  n: number,
  at: string,
  parent: number | null,
  extra: Partial<ChangeRecord> = {},
): ChangeRecord => ({
  sha: sha(n),
  committedAt: t(at),
  authoredAt: null,
  firstParent: parent === null ? null : sha(parent),
  pullRequest: null,
  automated: false,
  ...extra,
});

/** A deployment of repository REPO whose head is commit `head`. */
const deployment = (
  id: string,
  finishedAt: string,
  head: number,
  extra: Partial<DeploymentRecord> = {},
) =>
  deploymentRecord(id, finishedAt, {
    repository: REPO,
    sha: sha(head),
    ...extra,
  });

const history = (
  deployments: DeploymentRecord[],
  changes: ChangeRecord[],
): EntityHistory => ({
  entityRef: 'component:default/shop',
  productionEnvironments: ['production'],
  deployments,
  incidents: [],
  changes: new Map([[REPO, new Map(changes.map(c => [c.sha, c]))]]),
});

const derive = (h: EntityHistory) =>
  deriveEntityFacts(h, { incidentLinkWindowMs: null, includeAutomated: false });

const flags = (h: EntityHistory) =>
  derive(h).deployments.map(d => [
    d.deploymentKey,
    d.failed ? 'failed' : 'ok',
    d.unplanned ? 'unplanned' : 'planned',
  ]);

// Commit 1 deployed by a; commit 2 (bad) deployed by b at 12:00; commit 3
// deployed by c at 15:00.
const base = [
  change(1, '2026-03-02T08:00:00Z', null),
  change(2, '2026-03-02T11:00:00Z', 1),
];
const a = deployment('a', '2026-03-02T09:00:00Z', 1);
const b = deployment('b', '2026-03-02T12:00:00Z', 2);

describe('reverts', () => {
  it('fails the deployment that shipped a reverted commit, with a recovery at the reverting deployment', () => {
    const h = history(
      [a, b, deployment('c', '2026-03-02T15:00:00Z', 3)],
      [...base, change(3, '2026-03-02T14:00:00Z', 2, { revertOf: sha(2) })],
    );
    expect(flags(h)).toEqual([
      ['ci:a', 'ok', 'planned'],
      ['ci:b', 'failed', 'planned'],
      ['ci:c', 'ok', 'unplanned'],
    ]);
    // 12:00 → 15:00, bucketed when the reverting deployment finished.
    expect(derive(h).recoveries).toEqual([
      {
        entityRef: 'component:default/shop',
        kind: 'rollback',
        at: t('2026-03-02T15:00:00Z'),
        hours: 3,
        deploymentKey: 'ci:b',
        recoveredBy: 'ci:c',
      },
    ]);
  });

  it('finds the reverted commit by an abbreviated sha, unless it is ambiguous', () => {
    const abbreviated = history(
      [a, b, deployment('c', '2026-03-02T15:00:00Z', 3)],
      [
        ...base,
        change(3, '2026-03-02T14:00:00Z', 2, {
          revertOf: sha(2).slice(0, 12),
        }),
      ],
    );
    expect(derive(abbreviated).recoveries.map(r => r.deploymentKey)).toEqual([
      'ci:b',
    ]);
    // 'abcdef0' starts every commit.
    const ambiguous = history(
      [a, b, deployment('c', '2026-03-02T15:00:00Z', 3)],
      [...base, change(3, '2026-03-02T14:00:00Z', 2, { revertOf: 'abcdef0' })],
    );
    expect(derive(ambiguous).recoveries).toEqual([]);
    expect(flags(ambiguous)[2]).toEqual(['ci:c', 'ok', 'planned']);
  });

  it('fails the deployment that first shipped any commit of a reverted pull request', () => {
    // Pull request 7 merged as commit 2; its revert (pull request 8) is
    // merged as commit 3, which names the pull request, not a sha.
    const pr = (n: number) => ({
      number: n,
      createdAt: null,
      firstReviewAt: null,
      mergedAt: null,
      firstCommitAt: null,
    });
    const h = history(
      [a, b, deployment('c', '2026-03-02T15:00:00Z', 3)],
      [
        base[0],
        change(2, '2026-03-02T11:00:00Z', 1, { pullRequest: pr(7) }),
        change(3, '2026-03-02T14:00:00Z', 2, {
          pullRequest: pr(8),
          revertOfPullRequest: 7,
        }),
      ],
    );
    expect(flags(h)).toEqual([
      ['ci:a', 'ok', 'planned'],
      ['ci:b', 'failed', 'planned'],
      ['ci:c', 'ok', 'unplanned'],
    ]);
  });

  it('reads a revert from the commits a deployment lists', () => {
    const c = deployment('c', '2026-03-02T15:00:00Z', 3, {
      commits: [
        {
          sha: sha(3),
          committedAt: t('2026-03-02T14:00:00Z'),
          authoredAt: null,
          automated: false,
          revertOf: sha(2),
        },
      ],
    });
    expect(flags(history([a, b, c], base))[1]).toEqual([
      'ci:b',
      'failed',
      'planned',
    ]);
  });

  it('changes nothing when the reverted commit was never shipped, or shipped with or after the revert', () => {
    const neverShipped = history(
      [a, b, deployment('c', '2026-03-02T15:00:00Z', 3)],
      [
        ...base,
        change(3, '2026-03-02T14:00:00Z', 2, { revertOf: 'f'.repeat(40) }),
      ],
    );
    // Commits 3 (a revert of 4) and 4 both first ship in c.
    const sameDeployment = history(
      [a, b, deployment('c', '2026-03-02T15:00:00Z', 4)],
      [
        ...base,
        change(3, '2026-03-02T13:00:00Z', 2, { revertOf: sha(4) }),
        change(4, '2026-03-02T14:00:00Z', 3),
      ],
    );
    for (const h of [neverShipped, sameDeployment]) {
      expect(derive(h).recoveries).toEqual([]);
      expect(flags(h).every(([, failed]) => failed === 'ok')).toBe(true);
      expect(flags(h)[2]).toEqual(['ci:c', 'ok', 'planned']);
    }
  });

  it('counts a deployment already failed once, with one sample per reverted deployment', () => {
    // c ships two reverts of b's commits; b also had an incident.
    const h: EntityHistory = {
      ...history(
        [a, b, deployment('c', '2026-03-02T16:00:00Z', 4)],
        [
          base[0],
          change(2, '2026-03-02T10:00:00Z', 1),
          change(5, '2026-03-02T11:00:00Z', 2),
          change(3, '2026-03-02T14:00:00Z', 5, { revertOf: sha(2) }),
          change(4, '2026-03-02T15:00:00Z', 3, { revertOf: sha(5) }),
        ],
      ),
      incidents: [
        {
          key: 'pd:1',
          source: 'pd',
          externalId: '1',
          startedAt: t('2026-03-02T12:30:00Z'),
          resolvedAt: t('2026-03-02T13:00:00Z'),
          causeDeploymentId: 'b',
          causeSha: null,
        },
      ],
    };
    const b2 = { ...b, sha: sha(5) };
    h.deployments = [a, b2, h.deployments[2]];
    const facts = derive(h);
    expect(facts.deployments.filter(d => d.failed)).toHaveLength(1);
    expect(facts.recoveries.map(r => [r.kind, r.deploymentKey])).toEqual([
      ['incident', 'ci:b'],
      ['rollback', 'ci:b'],
    ]);
  });

  it('gives no second sample to a deployment a rollback already recovered', () => {
    const h = history(
      [
        a,
        b,
        deployment('r', '2026-03-02T13:00:00Z', 1, {
          kind: 'rollback',
          rollbackOf: 'b',
        }),
        deployment('c', '2026-03-02T15:00:00Z', 3),
      ],
      [...base, change(3, '2026-03-02T14:00:00Z', 1, { revertOf: sha(2) })],
    );
    const facts = derive(h);
    expect(facts.recoveries.map(r => r.recoveredBy)).toEqual(['ci:r']);
    // The revert still ships as rework.
    expect(flags(h)[3]).toEqual(['ci:c', 'ok', 'unplanned']);
  });
});

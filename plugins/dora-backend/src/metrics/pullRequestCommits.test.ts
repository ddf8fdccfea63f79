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

import { deploymentRecord, t } from '../__testUtils__/records';
import { deriveEntityFacts } from './deriveFacts';
import {
  ChangeRecord,
  DeploymentRecord,
  EntityHistory,
  PullRequestRecord,
} from './types';

// A pull request #5 opened at 08:00, reviewed by someone else at 10:00 and
// merged at 12:00; deployments finish at 16:00 unless told otherwise.
const pr = (
  number: number,
  extra: Partial<PullRequestRecord> = {},
): PullRequestRecord => ({
  number,
  createdAt: t('2026-03-02T08:00:00Z'),
  firstReviewAt: t('2026-03-02T10:00:00Z'),
  mergedAt: t('2026-03-02T12:00:00Z'),
  firstCommitAt: null,
  ...extra,
});
const numberOnly = (number: number): PullRequestRecord => ({
  number,
  createdAt: null,
  firstReviewAt: null,
  mergedAt: null,
  firstCommitAt: null,
});

const change = (
  sha: string,
  committedAt: string,
  extra: Partial<ChangeRecord> = {},
): ChangeRecord => ({
  sha,
  committedAt: t(committedAt),
  authoredAt: null,
  firstParent: null,
  pullRequest: null,
  automated: false,
  ...extra,
});

const deployment = (
  id: string,
  finishedAt: string,
  extra: Partial<DeploymentRecord> = {},
) => deploymentRecord(id, finishedAt, { repository: 'acme/shop', ...extra });

const derive = (
  deployments: DeploymentRecord[],
  changes: ChangeRecord[],
  includeAutomated = false,
) => {
  const history: EntityHistory = {
    entityRef: 'component:default/shop',
    productionEnvironments: ['production'],
    deployments,
    incidents: [],
    changes: new Map([['acme/shop', new Map(changes.map(c => [c.sha, c]))]]),
  };
  return deriveEntityFacts(history, {
    incidentLinkWindowMs: null,
    includeAutomated,
  });
};

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('pull request commits', () => {
  // The main line holds base, then the squash (or merge) commit s, made at
  // the merge; the branch commits b1 and b2 were made 10 h and 6 h before
  // the deployment at 16:00 and are stored with the pull request's number.
  const squashHistory = () => [
    change('base', '2026-03-01T00:00:00Z'),
    change('s', '2026-03-02T12:00:00Z', {
      firstParent: 'base',
      pullRequest: pr(5),
    }),
    change('b1', '2026-03-02T06:00:00Z', {
      authoredAt: t('2026-03-02T06:00:00Z'),
      firstParent: 'base',
      pullRequest: numberOnly(5),
    }),
    change('b2', '2026-03-02T10:00:00Z', {
      authoredAt: t('2026-03-02T10:00:00Z'),
      firstParent: 'b1',
      pullRequest: numberOnly(5),
    }),
  ];

  it('ships the branch commits of a squashed pull request with its squash commit', () => {
    const facts = derive(
      [
        deployment('base', '2026-03-01T12:00:00Z'),
        deployment('s', '2026-03-02T16:00:00Z'),
      ],
      squashHistory(),
    );
    const d = facts.deployments[1];
    expect(d.commits.map(c => c.sha).sort()).toEqual(['b1', 'b2', 's']);
    expect(sorted(d.leadTimes)).toEqual([4, 6, 10]);
    // One sample: coding from b1 (06:00) to the opening (08:00).
    expect(d.stages).toEqual({
      coding: [2],
      pickup: [2],
      review: [2],
      deploy: [4],
    });
  });

  it('counts a branch commit once, for the earliest deployment that shipped it', () => {
    const facts = derive(
      [
        deployment('base', '2026-03-01T12:00:00Z'),
        // Lists b1 itself, with the pull request's number.
        deployment('early', '2026-03-02T07:00:00Z', {
          sha: 'base',
          commits: [
            {
              sha: 'b1',
              committedAt: t('2026-03-02T06:00:00Z'),
              authoredAt: null,
              automated: false,
              pullRequest: numberOnly(5),
            },
          ],
        }),
        deployment('s', '2026-03-02T16:00:00Z'),
      ],
      squashHistory(),
    );
    const [, early, late] = facts.deployments;
    // b2 and s were made after it finished: they wait for the next one.
    expect(early.commits.map(c => c.sha)).toEqual(['b1']);
    expect(late.commits.map(c => c.sha).sort()).toEqual(['b2', 's']);
    expect(sorted(late.leadTimes)).toEqual([4, 6]);
    // The pull request's one sample goes to the earliest deployment; its
    // deploy stage (merged 12:00, deployed 07:00) is negative and dropped.
    expect(early.stages).toEqual({
      coding: [2],
      pickup: [2],
      review: [2],
      deploy: [],
    });
    expect(late.stages).toEqual({
      coding: [],
      pickup: [],
      review: [],
      deploy: [],
    });
  });

  it('takes one stage sample per pull request, even when its commits ship in two deployments', () => {
    // b1 reached the main line on its own and shipped with deployment m;
    // the merge commit m2 of the same pull request ships later.
    const changes = [
      change('base', '2026-03-01T00:00:00Z'),
      change('b1', '2026-03-02T06:00:00Z', {
        firstParent: 'base',
        pullRequest: numberOnly(6),
      }),
      change('m2', '2026-03-02T12:00:00Z', {
        firstParent: 'b1',
        pullRequest: pr(6),
      }),
    ];
    const facts = derive(
      [
        deployment('base', '2026-03-01T12:00:00Z'),
        deployment('b1', '2026-03-02T07:00:00Z'),
        deployment('m2', '2026-03-02T16:00:00Z'),
      ],
      changes,
    );
    const [, first, second] = facts.deployments;
    // The PR's times come from the merge commit stored with it; the deploy
    // stage (merge 12:00 after this deployment at 07:00) is negative and
    // dropped on its own.
    expect(first.stages).toEqual({
      coding: [2],
      pickup: [2],
      review: [2],
      deploy: [],
    });
    expect(second.commits.map(c => c.sha)).toEqual(['m2']);
    expect(second.stages).toEqual({
      coding: [],
      pickup: [],
      review: [],
      deploy: [],
    });
  });

  it('uses the first commit the source gives for commits a squash replaced', () => {
    const facts = derive(
      [
        deployment('base', '2026-03-01T12:00:00Z'),
        deployment('s', '2026-03-02T16:00:00Z'),
      ],
      [
        change('base', '2026-03-01T00:00:00Z'),
        change('s', '2026-03-02T12:00:00Z', {
          firstParent: 'base',
          pullRequest: pr(5, { firstCommitAt: t('2026-03-02T05:00:00Z') }),
        }),
      ],
    );
    expect(facts.deployments[1].stages.coding).toEqual([3]);
    expect(facts.deployments[1].leadTimes).toEqual([4]);
  });

  it('has no coding sample when no commit precedes the opening', () => {
    const facts = derive(
      [
        deployment('base', '2026-03-01T12:00:00Z'),
        deployment('s', '2026-03-02T16:00:00Z'),
      ],
      [
        change('base', '2026-03-01T00:00:00Z'),
        change('s', '2026-03-02T12:00:00Z', {
          firstParent: 'base',
          pullRequest: pr(5),
        }),
      ],
    );
    expect(facts.deployments[1].stages).toEqual({
      coding: [],
      pickup: [2],
      review: [2],
      deploy: [4],
    });
  });

  it('counts a rebased commit once: the main-line copy and the branch original are one', () => {
    // Rebase merge: r1 and r2 are the new main-line shas (a push webhook
    // gives the author time as their commit time, the one a rebase keeps);
    // o1 and o2 are the originals the provider lists for pull request #7.
    const changes = [
      change('base', '2026-03-01T00:00:00Z'),
      change('r1', '2026-03-02T06:00:00Z', { firstParent: 'base' }),
      change('r2', '2026-03-02T10:00:00Z', {
        firstParent: 'r1',
        pullRequest: pr(7),
      }),
      change('o1', '2026-03-02T06:30:00Z', {
        authoredAt: t('2026-03-02T06:00:00Z'),
        pullRequest: numberOnly(7),
      }),
      change('o2', '2026-03-02T10:30:00Z', {
        authoredAt: t('2026-03-02T10:00:00Z'),
        pullRequest: numberOnly(7),
      }),
    ];
    const facts = derive(
      [
        deployment('base', '2026-03-01T12:00:00Z'),
        deployment('r2', '2026-03-02T16:00:00Z'),
      ],
      changes,
    );
    const d = facts.deployments[1];
    expect(d.commits.map(c => c.sha)).toEqual(['r2', 'r1']);
    expect(sorted(d.leadTimes)).toEqual([6, 10]);
    expect(d.stages).toEqual({
      coding: [2],
      pickup: [2],
      review: [2],
      deploy: [4],
    });
    // A later deployment does not count the originals either.
    const later = derive(
      [
        deployment('base', '2026-03-01T12:00:00Z'),
        deployment('r2', '2026-03-02T16:00:00Z'),
        deployment('x', '2026-03-03T16:00:00Z', {
          sha: null,
          commits: [
            {
              sha: 'o1',
              committedAt: t('2026-03-02T06:30:00Z'),
              authoredAt: null,
              automated: false,
            },
          ],
        }),
      ],
      changes,
    );
    expect(later.deployments[2].commits).toEqual([]);
  });

  it('keeps two commits with the same time apart when neither has a pull request', () => {
    const facts = derive(
      [
        deployment('base', '2026-03-01T12:00:00Z'),
        deployment('d', '2026-03-02T16:00:00Z', {
          commits: ['x', 'y'].map(sha => ({
            sha,
            committedAt: t('2026-03-02T10:00:00Z'),
            authoredAt: null,
            automated: false,
          })),
        }),
      ],
      [],
    );
    expect(facts.deployments[1].leadTimes).toEqual([6, 6]);
  });

  it('keeps main-line commits with the same time apart, with or without a pull request', () => {
    // A rebase merge seen only through push hooks that give the commit time:
    // both rebased commits carry the rebase's time, only the last one the
    // merge request. They are two commits, not a rebased copy of one.
    const facts = derive(
      [
        deployment('base', '2026-03-01T12:00:00Z'),
        deployment('r2', '2026-03-02T16:00:00Z'),
      ],
      [
        change('base', '2026-03-01T00:00:00Z'),
        change('r1', '2026-03-02T12:00:00Z', { firstParent: 'base' }),
        change('r2', '2026-03-02T12:00:00Z', {
          firstParent: 'r1',
          pullRequest: pr(7),
        }),
      ],
    );
    expect(facts.deployments[1].commits.map(c => c.sha)).toEqual(['r2', 'r1']);
    expect(facts.deployments[1].leadTimes).toEqual([4, 4]);
  });

  it('reads the pull request a deployment lists with its commits', () => {
    const facts = derive(
      [
        deployment('d', '2026-03-02T16:00:00Z', {
          repository: null,
          commits: [
            {
              sha: 'c1',
              committedAt: t('2026-03-02T12:00:00Z'),
              authoredAt: null,
              automated: false,
              pullRequest: pr(9, { firstCommitAt: t('2026-03-02T04:00:00Z') }),
            },
          ],
        }),
      ],
      [],
    );
    expect(facts.deployments[0].stages).toEqual({
      coding: [4],
      pickup: [2],
      review: [2],
      deploy: [4],
    });
  });

  it('leaves the branch commits of a bot pull request out of the samples by default', () => {
    const bot = squashHistory().map(c => ({ ...c, automated: true }));
    const deployments = [
      deployment('base', '2026-03-01T12:00:00Z'),
      deployment('s', '2026-03-02T16:00:00Z'),
    ];
    const facts = derive(deployments, bot);
    expect(facts.deployments[1]).toMatchObject({
      leadTimes: [],
      automatedExcluded: 3,
    });
    expect(facts.deployments[1].stages.coding).toEqual([]);
    const included = derive(deployments, bot, true);
    expect(sorted(included.deployments[1].leadTimes)).toEqual([4, 6, 10]);
    expect(included.deployments[1].stages.coding).toEqual([2]);
  });
});

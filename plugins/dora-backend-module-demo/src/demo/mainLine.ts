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
  DeployedCommitInput,
} from '@dora-metrics/plugin-dora-common';
import { Profile } from './profiles';
import { between, chance, hexSha, intBetween, Rng } from './random';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const isWeekend = (utcDay: number) =>
  [0, 6].includes(new Date(utcDay).getUTCDay());
export const iso = (t: number) => new Date(t).toISOString();

/**
 * The default branch of one demo repository. Commits are materialised lazily,
 * in time order, so a hotfix commit can slot in when an incident needs one.
 */
export function createMainLine(options: {
  rng: Rng;
  profile: Profile;
  repository?: string;
  start: number;
  end: number;
  /** The team's offset from UTC, so commits land in its working hours. */
  tz: number;
  /** Pull requests are squash-merged (see `squashBranch`). */
  squash?: boolean;
  emit: (change: ChangeInput) => void;
}) {
  const { rng, profile: p, start, end, tz } = options;
  const repository = options.repository ?? '';
  const mergeCommits = chance(rng, 0.3);

  const times: number[] = [];
  const rate = between(rng, p.commitsPerWorkday);
  for (let day = Math.floor(start / DAY) * DAY; day < end; day += DAY) {
    const n = isWeekend(day)
      ? Number(chance(rng, 0.15))
      : Math.round(rate * between(rng, [0.4, 1.6]));
    for (let i = 0; i < n; i++) {
      const hour = chance(rng, 0.06)
        ? between(rng, [18, 23])
        : 9 + 4.5 * (rng() + rng());
      const t = day + hour * HOUR - tz;
      if (t > start && t < end) times.push(t);
    }
  }
  times.sort((a, b) => a - b);

  const main: ChangeInput[] = [];
  const mainTimes: number[] = [];
  const position = new Map<string, number>();
  let pending = 0;
  let prNumber = intBetween(rng, 100, 900);

  /*
   * A squash merge: the pull request's branch commits, authored from its
   * first commit until its review, are pushed with its number and never
   * reach the main line, which gets one squash commit stamped with the merge
   * time. Only the branch commits tell when the work started.
   */
  const squashBranch = (
    squashed: ChangeInput,
    authoredAt: number,
    reviewedAt: number,
  ): boolean => {
    // The branch starts from the main line as it was at its first commit.
    let base = mainTimes.length - 1;
    while (base >= 0 && mainTimes[base] > authoredAt) base--;
    if (base < 0) return false;
    // The first at the pull request's first commit, the rest spread after.
    const commitTimes = [
      authoredAt,
      ...Array.from(
        { length: intBetween(rng, 0, 3) },
        () => authoredAt + (reviewedAt - authoredAt) * between(rng, [0.1, 0.9]),
      ).sort((a, b) => a - b),
    ];
    let parent = main[base].sha;
    for (const at of commitTimes) {
      const branch: ChangeInput = {
        source: 'demo',
        repository,
        sha: hexSha(rng),
        committedAt: iso(at),
        authoredAt: iso(at),
        parents: [parent],
        pullRequest: { number: squashed.pullRequest!.number },
      };
      options.emit(branch);
      parent = branch.sha;
    }
    // The squash commit is authored when it is made, at the merge.
    delete squashed.authoredAt;
    return true;
  };

  const add = (t: number, hotfix: boolean): ChangeInput => {
    const prev = main[main.length - 1];
    const change: ChangeInput = {
      source: 'demo',
      repository,
      sha: hexSha(rng),
      committedAt: iso(t),
      parents: prev ? [prev.sha] : [],
    };
    if (hotfix || chance(rng, 0.9)) {
      const scale = hotfix ? 0.1 : between(rng, p.reviewHours);
      const reviewedAt = t - scale * between(rng, [0.1, 0.5]) * HOUR;
      const createdAt = reviewedAt - scale * between(rng, [0.2, 0.8]) * HOUR;
      const authoredAt = createdAt - scale * between(rng, [0.5, 2]) * HOUR;
      if (authoredAt > start) {
        change.authoredAt = iso(authoredAt);
        change.pullRequest = {
          number: prNumber++,
          createdAt: iso(createdAt),
          ...(chance(rng, 0.85) ? { firstReviewAt: iso(reviewedAt) } : {}),
          mergedAt: iso(t),
        };
        // A pull request opened before the main line had any commit is
        // merged as it is: there is nothing to branch from.
        const squashed =
          options.squash && squashBranch(change, authoredAt, reviewedAt);
        // Merge commits put the branch on a second parent, off the first-parent
        // chain, so the backend must not count it as shipped.
        const branchAt = createdAt - between(rng, [2, 30]) * MINUTE;
        let base =
          mergeCommits && !hotfix && !squashed ? mainTimes.length - 1 : -1;
        while (base >= 0 && mainTimes[base] > branchAt) base--;
        if (prev && base >= 0) {
          const branch: ChangeInput = {
            source: 'demo',
            repository,
            sha: hexSha(rng),
            committedAt: iso(branchAt),
            authoredAt: iso(Math.min(authoredAt, branchAt)),
            parents: [main[base].sha],
          };
          options.emit(branch);
          change.parents = [prev.sha, branch.sha];
          change.authoredAt = change.committedAt;
        }
      }
    }
    position.set(change.sha, main.length);
    main.push(change);
    mainTimes.push(t);
    options.emit(change);
    return change;
  };

  /** The newest commit at `t`; calls must not go back in time. */
  const headAt = (t: number): ChangeInput | undefined => {
    while (pending < times.length && times[pending] <= t) {
      add(times[pending++], false);
    }
    return main[main.length - 1];
  };

  return {
    headAt,
    /** A small fix committed at `t`, after everything up to then. */
    hotfix(t: number): ChangeInput {
      headAt(t);
      return add(t, true);
    },
    /** The commits in `(from, to]` along the first-parent chain. */
    range(from: string | undefined, to: string): DeployedCommitInput[] {
      const first = from === undefined ? 0 : position.get(from)! + 1;
      return main.slice(first, position.get(to)! + 1).map(c => ({
        sha: c.sha,
        committedAt: c.committedAt,
        ...(c.authoredAt ? { authoredAt: c.authoredAt } : {}),
      }));
    },
  };
}

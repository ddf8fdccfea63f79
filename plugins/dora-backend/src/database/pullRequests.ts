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

import { Knex } from 'knex';
import { numberOrNull as num, PullRequestRow } from './tables';

/** What is known of one pull / merge request; times in epoch ms. */
export type PullRequestState = {
  source: string;
  repository: string;
  number: number;
  createdAt: number | null;
  firstReviewAt: number | null;
  mergedAt: number | null;
  mergeSha: string | null;
  /** What its body names as reverted, for a `Revert "..."` pull request. */
  revertOf?: string | null;
  revertOfPullRequest?: number | null;
};

const keyOf = (pr: { source: string; repository: string; number: number }) =>
  `${pr.source}\n${pr.repository}\n${pr.number}`;

/**
 * Pull requests seen through webhooks. A review usually arrives before the
 * merge commit exists, so each field is kept here until the merge tells which
 * commit the pull request belongs to.
 *
 * Inside a merge transaction (see mergeTransaction.ts) `get` locks the row it
 * reads, and `put` never overwrites a row it did not read: a pull request
 * that another replica stored meanwhile makes the insert fail, and the merge
 * starts over from that row.
 */
export class PullRequestStore {
  // Pull requests `get` found, which `put` updates rather than inserts.
  private readonly found = new Set<string>();

  constructor(
    private readonly db: Knex,
    private readonly options: { lockRows?: boolean } = {},
  ) {}

  async get(
    source: string,
    repository: string,
    number: number,
  ): Promise<PullRequestState | undefined> {
    const query = this.db('dora_pull_requests')
      .where({ source, repository, number })
      .first();
    const r: PullRequestRow | undefined = await (this.options.lockRows
      ? query.forUpdate()
      : query);
    if (!r) return undefined;
    this.found.add(keyOf({ source, repository, number }));
    return {
      source: r.source,
      repository: r.repository,
      number: Number(r.number),
      createdAt: num(r.created_at),
      firstReviewAt: num(r.first_review_at),
      mergedAt: num(r.merged_at),
      mergeSha: r.merge_sha,
      // Only a revert pull request carries these.
      ...(r.revert_of ? { revertOf: r.revert_of } : {}),
      ...(num(r.revert_of_pr) === null
        ? {}
        : { revertOfPullRequest: num(r.revert_of_pr)! }),
    };
  }

  /**
   * Stores the pull request's state. Inside a merge transaction, a pull
   * request that `get` found is updated and any other is inserted, never
   * upserted: when two merges both found no row, the second insert fails
   * (unique violation, a conflict the merge transaction retries) instead of
   * overwriting the first one's fields with a merge that never saw them.
   */
  async put(state: PullRequestState, now: number): Promise<void> {
    const { source, repository, number } = state;
    const fields = {
      created_at: state.createdAt,
      first_review_at: state.firstReviewAt,
      merged_at: state.mergedAt,
      merge_sha: state.mergeSha,
      revert_of: state.revertOf ?? null,
      revert_of_pr: state.revertOfPullRequest ?? null,
      updated_at: now,
    };
    const table = this.db('dora_pull_requests');
    if (!this.options.lockRows) {
      await table
        .insert({ source, repository, number, ...fields })
        .onConflict(['source', 'repository', 'number'])
        .merge();
    } else if (this.found.has(keyOf(state))) {
      await table.where({ source, repository, number }).update(fields);
    } else {
      await table.insert({ source, repository, number, ...fields });
    }
  }
}

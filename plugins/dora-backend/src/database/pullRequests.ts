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
};

/**
 * Pull requests seen through webhooks. A review usually arrives before the
 * merge commit exists, so each field is kept here until the merge tells which
 * commit the pull request belongs to.
 */
export class PullRequestStore {
  constructor(private readonly db: Knex) {}

  async get(
    source: string,
    repository: string,
    number: number,
  ): Promise<PullRequestState | undefined> {
    const r: PullRequestRow | undefined = await this.db('dora_pull_requests')
      .where({ source, repository, number })
      .first();
    if (!r) return undefined;
    return {
      source: r.source,
      repository: r.repository,
      number: Number(r.number),
      createdAt: num(r.created_at),
      firstReviewAt: num(r.first_review_at),
      mergedAt: num(r.merged_at),
      mergeSha: r.merge_sha,
    };
  }

  async put(state: PullRequestState, now: number): Promise<void> {
    await this.db('dora_pull_requests')
      .insert({
        source: state.source,
        repository: state.repository,
        number: state.number,
        created_at: state.createdAt,
        first_review_at: state.firstReviewAt,
        merged_at: state.mergedAt,
        merge_sha: state.mergeSha,
        updated_at: now,
      })
      .onConflict(['source', 'repository', 'number'])
      .merge();
  }
}

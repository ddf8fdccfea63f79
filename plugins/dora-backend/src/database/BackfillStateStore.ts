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
import { BackfillStateRow, numberOrNull } from './tables';

export type BackfillJobStatus = 'pending' | 'running' | 'done' | 'failed';

/** One step of the backfill of one repository or service. */
export type BackfillJob = {
  key: string;
  source: string;
  /** Repository (`owner/name`) or PagerDuty service id. */
  target: string;
  step: string;
  status: BackfillJobStatus;
  /** Where the next page starts (provider specific); null at the start. */
  cursor: unknown | null;
  pagesDone: number;
  pagesTotal: number | null;
  items: number;
  /** Oldest time this run fetches, fixed when the run starts. */
  since: number;
  runStartedAt: number;
  updatedAt: number;
  error: string | null;
};

export type BackfillJobSpec = Pick<
  BackfillJob,
  'key' | 'source' | 'target' | 'step'
>;

const TABLE = 'dora_backfill_state';

function fromRow(r: BackfillStateRow): BackfillJob {
  return {
    key: r.job_key,
    source: r.source,
    target: r.target,
    step: r.step,
    status: r.status,
    cursor: r.cursor === null ? null : JSON.parse(r.cursor),
    pagesDone: Number(r.pages_done),
    pagesTotal: numberOrNull(r.pages_total),
    items: Number(r.items),
    since: Number(r.since),
    runStartedAt: Number(r.run_started_at),
    updatedAt: Number(r.updated_at),
    error: r.error,
  };
}

/**
 * The backfill's progress in the database: after each page the job's cursor
 * is saved, so a restarted backfill continues from the page it stopped at.
 */
export class BackfillStateStore {
  constructor(private readonly db: Knex) {}

  async list(): Promise<BackfillJob[]> {
    const rows: BackfillStateRow[] = await this.db(TABLE).orderBy('job_key');
    return rows.map(fromRow);
  }

  /**
   * Makes each job pending at the start of a run; with `restart`, jobs
   * already stored start over too (a new run), otherwise they keep their
   * state (the run is resumed and only new jobs are added).
   */
  async prepare(
    jobs: BackfillJobSpec[],
    run: { since: number; runStartedAt: number; restart: boolean },
    now: number,
  ): Promise<void> {
    for (const job of jobs) {
      const fresh = {
        job_key: job.key,
        source: job.source,
        target: job.target,
        step: job.step,
        status: 'pending',
        cursor: null,
        pages_done: 0,
        pages_total: null,
        items: 0,
        since: run.since,
        run_started_at: run.runStartedAt,
        updated_at: now,
        error: null,
      };
      const insert = this.db(TABLE).insert(fresh).onConflict('job_key');
      await (run.restart ? insert.merge() : insert.ignore());
    }
  }

  async save(job: BackfillJob, now: number): Promise<void> {
    await this.db(TABLE)
      .where('job_key', job.key)
      .update({
        status: job.status,
        cursor: job.cursor === null ? null : JSON.stringify(job.cursor),
        pages_done: job.pagesDone,
        pages_total: job.pagesTotal,
        items: job.items,
        updated_at: now,
        error: job.error,
      });
  }
}

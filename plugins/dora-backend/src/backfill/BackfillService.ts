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

import { LoggerService } from '@backstage/backend-plugin-api';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { ObservationIngest } from '../ingest/ObservationIngest';
import {
  BackfillJob,
  BackfillJobSpec,
  BackfillStateStore,
} from '../database/BackfillStateStore';
import {
  BackfillSource,
  DoraCatalogIndex,
} from '@dora-metrics/plugin-dora-node';

/** Progress as the status route reports it. */
export type BackfillStatus = {
  running: boolean;
  runStartedAt: string | null;
  jobs: (Omit<
    BackfillJob,
    'cursor' | 'since' | 'runStartedAt' | 'updatedAt'
  > & {
    updatedAt: string;
  })[];
  /** Jobs done out of all jobs of the repositories and services of each entity. */
  entities: { entityRef: string; done: number; total: number }[];
};

const jobKey = (source: string, target: string, step: string) =>
  `${source}:${target}:${step}`;

/**
 * Reads the history of every annotated repository and service from the
 * providers, page by page, saving a cursor after each page: a backfill that
 * is stopped (restart, abort) continues where it was on its next run. A run
 * that completed is followed by a fresh one, which only merges what changed.
 */
export class BackfillService {
  private running?: Promise<void>;

  constructor(
    private readonly deps: {
      sources: BackfillSource[];
      state: BackfillStateStore;
      observations: ObservationIngest;
      catalogIndex: CatalogIndexProvider;
      logger: LoggerService;
      lookbackMs: number;
      now?: () => number;
    },
  ) {
    // A resumed job finds its source by name, so names must be unique.
    const names = new Set<string>();
    for (const { source } of deps.sources) {
      if (names.has(source)) {
        throw new Error(`DORA backfill: two sources are named '${source}'`);
      }
      names.add(source);
    }
  }

  private now() {
    return (this.deps.now ?? Date.now)();
  }

  /** Runs now unless a run is under way; returns whether it started one. */
  start(): boolean {
    if (this.running) return false;
    this.run().catch(error =>
      this.deps.logger.error(`DORA backfill failed: ${error}`),
    );
    return true;
  }

  run(signal?: AbortSignal): Promise<void> {
    if (!this.running) {
      this.running = this.runOnce(signal).finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private specs(index: DoraCatalogIndex): BackfillJobSpec[] {
    return this.deps.sources.flatMap(s =>
      s.targets(index).flatMap(target =>
        s.steps.map(step => ({
          key: jobKey(s.source, target, step),
          source: s.source,
          target,
          step,
        })),
      ),
    );
  }

  private async runOnce(signal?: AbortSignal) {
    const index = await this.deps.catalogIndex.get();
    const specs = this.specs(index);
    const stored = new Map((await this.deps.state.list()).map(j => [j.key, j]));
    const unfinished = specs
      .map(s => stored.get(s.key))
      .find(j => j && j.status !== 'done');
    const now = this.now();
    const run = unfinished
      ? { since: unfinished.since, runStartedAt: unfinished.runStartedAt }
      : { since: now - this.deps.lookbackMs, runStartedAt: now };
    await this.deps.state.prepare(specs, { ...run, restart: !unfinished }, now);
    this.deps.logger.info(
      `DORA backfill: ${unfinished ? 'resuming' : 'starting'} ${
        specs.length
      } jobs since ${new Date(run.since).toISOString()}`,
    );

    const jobs = new Map((await this.deps.state.list()).map(j => [j.key, j]));
    for (const spec of specs) {
      const job = jobs.get(spec.key);
      const source = this.deps.sources.find(s => s.source === spec.source);
      if (!job || !source || job.status === 'done') continue;
      await this.runJob(source, job, signal);
    }
    this.deps.logger.info(`DORA backfill: run finished`);
  }

  private async runJob(
    source: BackfillSource,
    job: BackfillJob,
    signal?: AbortSignal,
  ) {
    const { state, observations, logger } = this.deps;
    job.status = 'running';
    job.error = null;
    await state.save(job, this.now());
    try {
      for (;;) {
        signal?.throwIfAborted();
        const page = await source.fetchPage(job, signal);
        await observations.apply(page.observations);
        job.cursor = page.cursor;
        job.pagesDone += 1;
        job.items += page.items;
        job.pagesTotal = page.pagesTotal ?? job.pagesTotal;
        if (page.cursor === null) job.status = 'done';
        await state.save(job, this.now());
        logger.info(
          `DORA backfill ${job.key}: page ${job.pagesDone}${
            job.pagesTotal ? `/${job.pagesTotal}` : ''
          }, ${job.items} records${job.status === 'done' ? ', done' : ''}`,
        );
        if (job.status === 'done') return;
      }
    } catch (error) {
      if (signal?.aborted) {
        logger.info(
          `DORA backfill ${job.key}: stopped, resumes from its cursor`,
        );
        throw error;
      }
      // One provider failing leaves the others to run; the next run retries it.
      job.status = 'failed';
      job.error = String(error);
      await state.save(job, this.now());
      logger.warn(`DORA backfill ${job.key}: failed: ${error}`);
    }
  }

  async status(): Promise<BackfillStatus> {
    const index = await this.deps.catalogIndex.get();
    const specs = new Set(this.specs(index).map(s => s.key));
    const jobs = (await this.deps.state.list()).filter(j => specs.has(j.key));
    const entities = [...index.entities()]
      .map(e => {
        const targets = new Set([
          ...e.repositories.map(r => r.value),
          ...(e.pagerDutyServiceId ? [e.pagerDutyServiceId] : []),
        ]);
        const own = jobs.filter(j => targets.has(j.target));
        return {
          entityRef: e.ref,
          done: own.filter(j => j.status === 'done').length,
          total: own.length,
        };
      })
      .filter(e => e.total > 0);
    return {
      running: !!this.running,
      runStartedAt: jobs.length
        ? new Date(Math.max(...jobs.map(j => j.runStartedAt))).toISOString()
        : null,
      jobs: jobs.map(
        ({ cursor: _c, since: _s, runStartedAt: _r, updatedAt, ...rest }) => ({
          ...rest,
          updatedAt: new Date(updatedAt).toISOString(),
        }),
      ),
      entities,
    };
  }
}

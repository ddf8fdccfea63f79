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
import { ConflictError } from '@backstage/errors';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { attributeEvent } from '../attribution/attribute';
import { DoraConfig } from '../config';
import { chunks } from '../lib/chunks';
import { deriveEntityFacts } from '../metrics/deriveFacts';
import { LeaseStore } from '../database/leases';
import { StoredEvents } from '../database/storedEvents';
import { DoraStore } from '../database/types';
import { LeaseTiming, runUnderLease } from './runUnderLease';

const PAGE = 500;
const DERIVE_BATCH = 25;
const DERIVE_CONCURRENCY = 2;

/**
 * Keeps derived facts in step with raw events: right after ingest for the
 * entities a batch touched, and in the scheduled reconciliation for anything
 * left dirty, newly attributable, or everything (a full recompute).
 */
export class FactDeriver {
  constructor(
    private readonly deps: {
      store: DoraStore;
      catalogIndex: CatalogIndexProvider;
      config: DoraConfig;
      logger: LoggerService;
      /** Reads deployment environments, which narrow attribution in monorepos. */
      storedEvents?: Pick<StoredEvents, 'deploymentEnvironments'>;
      /** Where a full recompute takes its lease, shared by every replica. */
      leases: LeaseStore;
      /** The recompute lease's time to live and renewal; tests shorten them. */
      recomputeLease?: LeaseTiming;
    },
  ) {}

  async deriveEntities(entityRefs: readonly string[]): Promise<void> {
    const index = await this.deps.catalogIndex.get();
    const deriveBatch = async (refs: readonly string[]) => {
      const histories = await this.deps.store.loadHistories(
        refs.map(entityRef => ({
          entityRef,
          productionEnvironments:
            index.get(entityRef)?.productionEnvironments ??
            this.deps.config.productionEnvironments,
        })),
      );
      await this.deps.store.replaceFacts(
        histories.map(stored => ({
          stored,
          facts: deriveEntityFacts(stored.history, {
            incidentLinkWindowMs: this.deps.config.incidentLinkWindowMs,
            includeAutomated: this.deps.config.leadTime.includeAutomated,
          }),
        })),
      );
    };
    // Entities go in batches, each batch a few statements and one
    // transaction: a full recompute of thousands of entities is bound by
    // rows, not by round trips and commits. Two batches at once, so that the
    // database works on one while JavaScript derives the other.
    const batches = chunks(entityRefs, DERIVE_BATCH);
    let next = 0;
    const worker = async () => {
      while (next < batches.length) await deriveBatch(batches[next++]);
    };
    await Promise.all(
      Array.from(
        { length: Math.min(DERIVE_CONCURRENCY, batches.length) },
        worker,
      ),
    );
  }

  /** Attributes events that matched no entity before, now that the catalog may know more. */
  async reattribute(): Promise<number> {
    const index = await this.deps.catalogIndex.refresh();
    let attributed = 0;
    for (const type of ['deployment', 'incident'] as const) {
      let afterId = 0;
      for (;;) {
        const events = await this.deps.store.listUnattributed(
          type,
          afterId,
          PAGE,
        );
        if (events.length === 0) break;
        const environments =
          type === 'deployment' && this.deps.storedEvents
            ? await this.deps.storedEvents.deploymentEnvironments(
                events.map(e => e.eventKey),
              )
            : new Map<string, string>();
        for (const event of events) {
          const attributions = attributeEvent(index, {
            entityRef: event.entityRef,
            repository: type === 'deployment' ? event.matchKey : null,
            environment: environments.get(event.eventKey) ?? null,
            service: type === 'incident' ? event.matchKey : null,
          });
          if (attributions.length > 0) {
            await this.deps.store.addAttributions(type, event.id, attributions);
            attributed++;
          }
        }
        afterId = events[events.length - 1].id;
      }
    }
    return attributed;
  }

  /** Derives every dirty entity; returns how many. */
  async deriveDirty(): Promise<number> {
    const done = new Set<string>();
    for (;;) {
      // An entity dirtied again while this runs is left for the next run.
      const dirty = (await this.deps.store.dirtyEntities(PAGE)).filter(
        ref => !done.has(ref),
      );
      if (dirty.length === 0) return done.size;
      await this.deriveEntities(dirty);
      dirty.forEach(ref => done.add(ref));
    }
  }

  async reconcile(
    options: { full?: boolean } = {},
  ): Promise<{ reattributed: number; derived: number }> {
    const started = Date.now();
    if (options.full) await this.deps.store.markAllDirty();
    const reattributed = await this.reattribute();
    const derived = await this.deriveDirty();
    this.deps.logger.info(
      `DORA reconcile${
        options.full ? ' (full)' : ''
      }: ${reattributed} events attributed, ` +
        `${derived} entities derived in ${Date.now() - started} ms`,
    );
    return { reattributed, derived };
  }

  /**
   * A full reconciliation, one at a time across every replica sharing the
   * database: it reads every event, so a second one while one runs is
   * refused (ConflictError) rather than doubling the load. The lease expires
   * a minute after a crashed replica stops renewing it.
   */
  async recompute(): Promise<{ reattributed: number; derived: number }> {
    const run = await runUnderLease(
      this.deps,
      'recompute',
      () => this.reconcile({ full: true }),
      this.deps.recomputeLease,
    );
    if (!run.ran) {
      throw new ConflictError(
        'recompute: one is already running (on this or another replica); retry when it has finished',
      );
    }
    return run.result;
  }
}

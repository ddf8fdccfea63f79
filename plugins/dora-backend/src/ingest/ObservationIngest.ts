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
import {
  ChangeInput,
  IngestRejection,
  IngestResult,
} from '@dora-metrics/plugin-dora-common';
import { CatalogIndex } from '../attribution/CatalogIndex';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { MergeTransaction } from '../database/mergeTransaction';
import { UpsertResult } from '../database/types';
import { IngestService } from './IngestService';
import {
  mergeCommit,
  mergeDeployment,
  mergeIncident,
  mergePullRequest,
  pullRequestChange,
  StoredIncident,
} from './merge';
import { Observations, RepositoryIncidentObservation } from './observations';

const key = (source: string, id: string) => `${source}:${id}`;

/** What one merge transaction wrote, for the ingest service to finish. */
type Written = { result: UpsertResult; rejected: IngestRejection[] };

/**
 * Applies what webhooks and the backfill observed: each observation is merged
 * with the stored event of the same key (see merge.ts), and the result goes
 * through the push API's ingest service, so validation, attribution, storage
 * and fact derivation are the same as for pushed events.
 *
 * Merging reads then writes, so two deliveries of the same key must not both
 * merge with the same stored state, whichever replica each reaches: each
 * kind is read, merged and written in one database transaction that locks
 * the rows it read (see database/mergeTransaction.ts), and facts are derived
 * once it has committed.
 */
export class ObservationIngest {
  constructor(
    private readonly deps: {
      ingest: IngestService;
      merges: {
        mergeTransaction<T>(
          merge: (tx: MergeTransaction) => Promise<T>,
        ): Promise<T>;
      };
      catalogIndex: CatalogIndexProvider;
      logger: LoggerService;
    },
  ) {}

  async apply(o: Observations): Promise<IngestResult> {
    const total: IngestResult = {
      accepted: 0,
      updated: 0,
      duplicates: 0,
      rejected: [],
    };
    const add = (r: IngestResult, kind: string) => {
      total.accepted += r.accepted;
      total.updated += r.updated;
      total.duplicates += r.duplicates;
      total.rejected.push(...r.rejected);
      for (const rejection of r.rejected) {
        this.deps.logger.warn(
          `DORA: a ${kind} from a provider was rejected: ${rejection.reason}`,
        );
      }
    };
    const { ingest } = this.deps;
    const finish = async (kind: string, item: string, written: Written) => {
      // A pull request without its merge commit yet writes no event.
      if (written.result.outcomes.length + written.rejected.length === 0)
        return;
      add(await ingest.finish(kind, written.result, written.rejected), item);
    };
    // Read before any transaction: attribution inside one then finds the
    // index in memory instead of calling the catalog with rows locked.
    const index = await this.deps.catalogIndex.get();
    const incidents = [
      ...o.incidents,
      ...this.byEntity(o.repositoryIncidents, index),
    ];

    // Commits first, so that a deployment in the same delivery finds them.
    if (o.changes.length > 0 || o.pullRequests.length > 0) {
      const written = await this.merge(async tx => {
        const { rows, rejected } = ingest.prepareChanges(
          await this.mergedChanges(o, tx),
        );
        return { result: await tx.upsertChanges(rows), rejected };
      });
      await finish('changes', 'change', written);
    }
    if (o.deployments.length > 0) {
      const written = await this.merge(async tx => {
        const { items, rejected } = await ingest.prepareDeployments(
          await this.mergedDeployments(o, tx),
        );
        return { result: await tx.upsertDeployments(items), rejected };
      });
      await finish('deployments', 'deployment', written);
    }
    if (incidents.length > 0) {
      const written = await this.merge(async tx => {
        const { items, rejected } = await ingest.prepareIncidents(
          await this.mergedIncidents(incidents, tx),
        );
        return { result: await tx.upsertIncidents(items), rejected };
      });
      await finish('incidents', 'incident', written);
    }
    return total;
  }

  private merge(work: (tx: MergeTransaction) => Promise<Written>) {
    return this.deps.merges.mergeTransaction(work);
  }

  private async mergedDeployments(o: Observations, tx: MergeTransaction) {
    const stored = await tx.stored.deployments(
      o.deployments.map(d => key(d.deployment.source, d.deployment.id)),
    );
    for (const observation of o.deployments) {
      const k = key(observation.deployment.source, observation.deployment.id);
      const merged = mergeDeployment(stored.get(k), observation);
      if (merged) stored.set(k, merged);
    }
    const keys = new Set(
      o.deployments.map(d => key(d.deployment.source, d.deployment.id)),
    );
    return [...stored.entries()].filter(([k]) => keys.has(k)).map(([, d]) => d);
  }

  private async mergedIncidents(
    observations: Observations['incidents'],
    tx: MergeTransaction,
  ) {
    const keys = observations.map(i => key(i.incident.source, i.incident.id));
    const stored = await tx.stored.incidents(keys);
    const merged = new Map<string, StoredIncident>();
    for (const observation of observations) {
      const k = key(observation.incident.source, observation.incident.id);
      const next = mergeIncident(merged.get(k) ?? stored.get(k), observation);
      merged.set(k, next);
    }
    return [...merged.values()];
  }

  /**
   * Incidents known by repository belong to the entities annotated with it,
   * looked up in the cached catalog index (no catalog call per event). With
   * several entities (a monorepo) each gets its own copy of the incident.
   */
  private byEntity(
    observations: RepositoryIncidentObservation[],
    index: CatalogIndex,
  ) {
    return observations.flatMap(o => {
      const entities = index.byRepositoryName(o.repository);
      if (entities.length === 0) {
        this.deps.logger.info(
          `DORA: incident ${o.incident.source}:${o.incident.id} ignored, no entity is annotated with ${o.repository}`,
        );
      }
      return entities.map(e => ({
        observedAt: o.observedAt,
        ...(o.reopened ? { reopened: true } : {}),
        incident: {
          ...o.incident,
          id:
            entities.length === 1 ? o.incident.id : `${o.incident.id}@${e.ref}`,
          entityRef: e.ref,
        },
      }));
    });
  }

  private async mergedChanges(
    o: Observations,
    tx: MergeTransaction,
  ): Promise<ChangeInput[]> {
    const merged = new Map<string, ChangeInput>();
    const k = (c: { repository: string; sha: string }) =>
      `${c.repository}\n${c.sha}`;
    const storedOf = async (repository: string, sha: string) =>
      merged.get(k({ repository, sha })) ??
      (await tx.stored.changes(repository, [sha])).get(sha);

    for (const [repository, commits] of groupBy(o.changes, c => c.repository)) {
      const stored = await tx.stored.changes(
        repository,
        commits.map(c => c.sha),
      );
      for (const commit of commits) {
        const prior = merged.get(k(commit)) ?? stored.get(commit.sha);
        merged.set(k(commit), mergeCommit(prior, commit));
      }
    }
    for (const observation of o.pullRequests) {
      const { source, repository, number } = observation;
      const state = mergePullRequest(
        await tx.pullRequests.get(source, repository, number),
        observation,
      );
      await tx.pullRequests.put(state, Date.now());
      if (!state.mergeSha) continue;
      const change = pullRequestChange(
        state,
        await storedOf(repository, state.mergeSha),
        observation.automated === true,
      );
      if (change) merged.set(k(change), change);
    }
    return [...merged.values()];
  }
}

function groupBy<T>(items: T[], by: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(by(item));
    if (list) list.push(item);
    else groups.set(by(item), [item]);
  }
  return groups;
}

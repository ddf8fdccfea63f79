import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ChangeInput,
  IncidentInput,
  IngestResult,
  MAX_BATCH_SIZE,
} from '@dora-metrics/plugin-dora-common';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { PullRequestStore } from '../database/pullRequests';
import { StoredEvents } from '../database/storedEvents';
import { chunks } from '../lib/chunks';
import { IngestService } from './IngestService';
import {
  mergeCommit,
  mergeDeployment,
  mergeIncident,
  mergePullRequest,
  pullRequestChange,
} from './merge';
import { Observations, RepositoryIncidentObservation } from './observations';

const key = (source: string, id: string) => `${source}:${id}`;

const batches = <T>(items: T[]) => chunks(items, MAX_BATCH_SIZE);

/**
 * Applies what webhooks and the backfill observed: each observation is merged
 * with the stored event of the same key (see merge.ts), and the result goes
 * through the push API's ingest service, so validation, attribution, storage
 * and fact derivation are the same as for pushed events.
 */
export class ObservationIngest {
  // Merging reads then writes; one apply at a time keeps two deliveries for
  // the same key from both merging with the same stored state.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: {
      ingest: IngestService;
      stored: StoredEvents;
      pullRequests: PullRequestStore;
      catalogIndex: CatalogIndexProvider;
      logger: LoggerService;
    },
  ) {}

  apply(observations: Observations): Promise<IngestResult> {
    const run = this.queue.then(() => this.applyNow(observations));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyNow(o: Observations): Promise<IngestResult> {
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

    // Commits first, so that a deployment in the same batch finds them.
    const changes = await this.mergedChanges(o);
    for (const batch of batches(changes))
      add(await this.deps.ingest.ingestChanges({ changes: batch }), 'change');

    const deployments = await this.mergedDeployments(o);
    for (const batch of batches(deployments))
      add(
        await this.deps.ingest.ingestDeployments({ deployments: batch }),
        'deployment',
      );

    const incidents = await this.mergedIncidents(o);
    for (const batch of batches(incidents))
      add(
        await this.deps.ingest.ingestIncidents({ incidents: batch }),
        'incident',
      );
    return total;
  }

  private async mergedDeployments(o: Observations) {
    const stored = await this.deps.stored.deployments(
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

  private async mergedIncidents(o: Observations) {
    const observations = [
      ...o.incidents,
      ...(await this.byEntity(o.repositoryIncidents)),
    ];
    const keys = observations.map(i => key(i.incident.source, i.incident.id));
    const stored = await this.deps.stored.incidents(keys);
    const merged = new Map<string, IncidentInput>();
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
  private async byEntity(observations: RepositoryIncidentObservation[]) {
    if (observations.length === 0) return [];
    const index = await this.deps.catalogIndex.get();
    return observations.flatMap(o => {
      const entities = index.byRepositoryName(o.repository);
      if (entities.length === 0) {
        this.deps.logger.info(
          `DORA: incident ${o.incident.source}:${o.incident.id} ignored, no entity is annotated with ${o.repository}`,
        );
      }
      return entities.map(e => ({
        observedAt: o.observedAt,
        incident: {
          ...o.incident,
          id:
            entities.length === 1 ? o.incident.id : `${o.incident.id}@${e.ref}`,
          entityRef: e.ref,
        },
      }));
    });
  }

  private async mergedChanges(o: Observations): Promise<ChangeInput[]> {
    const merged = new Map<string, ChangeInput>();
    const k = (c: { repository: string; sha: string }) =>
      `${c.repository}\n${c.sha}`;
    const storedOf = async (repository: string, sha: string) =>
      merged.get(k({ repository, sha })) ??
      (await this.deps.stored.changes(repository, [sha])).get(sha);

    for (const [repository, commits] of groupBy(o.changes, c => c.repository)) {
      const stored = await this.deps.stored.changes(
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
        await this.deps.pullRequests.get(source, repository, number),
        observation,
      );
      await this.deps.pullRequests.put(state, Date.now());
      if (!state.mergeSha) continue;
      const change = pullRequestChange(
        state,
        await storedOf(repository, state.mergeSha),
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

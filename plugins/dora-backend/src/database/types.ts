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
  DataQualityReport,
  DeploymentView,
  IncidentView,
  Page,
} from '@dora-metrics/plugin-dora-common';
import type { Attribution } from '../attribution/attribute';
import type {
  DeploymentFact,
  EntityFacts,
  EntityHistory,
  IncidentFact,
  RecoveryFact,
} from '../metrics/types';

export type DeploymentRow = {
  eventKey: string;
  source: string;
  externalId: string;
  entityRef: string | null;
  repository: string | null;
  environment: string;
  status: string;
  kind: string;
  startedAt: number | null;
  finishedAt: number;
  sha: string | null;
  rollbackOf: string | null;
  commits:
    | {
        sha: string;
        committedAt: number;
        authoredAt: number | null;
        /** Present, and true, only for a bot's commit. */
        automated?: true;
        /** Present only for a revert: the sha it reverts. */
        revertOf?: string;
        /** Present only when the deployment names the commit's pull request. */
        pullRequest?: NonNullable<ChangeRow['pullRequest']>;
      }[]
    | null;
  url: string | null;
};

export type IncidentRow = {
  eventKey: string;
  source: string;
  externalId: string;
  entityRef: string | null;
  service: string | null;
  title: string | null;
  severity: string | null;
  startedAt: number;
  resolvedAt: number | null;
  causeDeploymentId: string | null;
  causeSha: string | null;
  url: string | null;
  /** The last reopen (webhooks, backfill); a resolve before it does not close it. */
  reopenedAt?: number | null;
};

export type ChangeRow = {
  source: string;
  repository: string;
  sha: string;
  committedAt: number;
  authoredAt: number | null;
  parents: string[];
  pullRequest: {
    number: number;
    createdAt: number | null;
    firstReviewAt: number | null;
    mergedAt: number | null;
    firstCommitAt: number | null;
  } | null;
  /** Made by a bot; decided at ingestion, who is never stored. */
  automated: boolean;
  /** The sha it reverts; decided at ingestion, the message is never stored. */
  revertOf?: string | null;
  /** The pull request of its repository it reverts. */
  revertOfPullRequest?: number | null;
};

export type EventType = 'deployment' | 'incident';

/** What happened to one item of a batch. */
export type UpsertOutcome = 'accepted' | 'updated' | 'duplicate';

export type UpsertResult = {
  outcomes: UpsertOutcome[];
  /** Entities whose facts must be derived again. */
  affectedEntities: string[];
};

export type Attributed<T> = { row: T; attributions: Attribution[] };

/** An event kept without an entity, for re-attribution and data quality. */
export type UnattributedEvent = {
  eventType: EventType;
  id: number;
  eventKey: string;
  entityRef: string | null;
  /** Repository (deployments) or service (incidents) it could be matched by. */
  matchKey: string | null;
};

/** Whose facts to read: entities, or the events an owner group had. */
export type FactScope =
  | { entityRefs: readonly string[] }
  | { ownerGroup: string; directOnly?: boolean };

/**
 * A counted deployment as reports read it: without the commits it shipped,
 * which no report figure reads, and known by its database id, the same for
 * each entity it is attributed to.
 */
export type StoredDeploymentFact = Omit<
  DeploymentFact,
  'commits' | 'deploymentKey'
> & { deploymentKey: number };

/** Stored facts of a scope, each knowing its entity, in no set order. */
export type StoredFacts = {
  deployments: StoredDeploymentFact[];
  recoveries: RecoveryFact[];
  incidents: IncidentFact[];
  /**
   * When the first stored deployment (any status, any environment) of each
   * entity of the scope finished; for an owner group, of the deployments
   * attributed while the group owned the entity.
   */
  historyStarts: Map<string, number>;
};

/**
 * A deployment as the event list shows it, with the lead time of each
 * commit it shipped; summarising them is the reader's business.
 */
export type StoredDeploymentView = Omit<DeploymentView, 'leadTimeHours'>;

export type EventListQuery = {
  entityRef: string;
  from: number;
  to: number;
  limit: number;
  cursor?: string;
};

/** An entity to derive, with the environments that count as production for it. */
export type HistoryRequest = {
  entityRef: string;
  productionEnvironments: readonly string[];
};

export type StoredHistory = {
  history: EntityHistory;
  /** Database id and owner chain (JSON) of each event key. */
  events: Map<string, { id: number; ownerChain: string }>;
  version: number;
};

export type StoreDataQuality = {
  unattributed: DataQualityReport['unattributedEvents'];
  clockSkewedChanges: number;
  deploymentsWithUnknownCommits: number;
  staleOpenIncidents: DataQualityReport['staleOpenIncidents'];
};

/** Persistence of raw events, attributions and derived facts. */
export interface DoraStore {
  upsertDeployments(items: Attributed<DeploymentRow>[]): Promise<UpsertResult>;
  upsertIncidents(items: Attributed<IncidentRow>[]): Promise<UpsertResult>;
  upsertChanges(rows: ChangeRow[]): Promise<UpsertResult>;

  listUnattributed(
    eventType: EventType,
    afterId: number,
    limit: number,
  ): Promise<UnattributedEvent[]>;
  addAttributions(
    eventType: EventType,
    eventId: number,
    attributions: Attribution[],
  ): Promise<void>;

  markDirty(entityRefs: readonly string[]): Promise<void>;
  markAllDirty(): Promise<number>;
  dirtyEntities(limit: number): Promise<string[]>;
  /** The histories of a batch of entities, in the order asked. */
  loadHistories(requests: readonly HistoryRequest[]): Promise<StoredHistory[]>;
  /** Replaces the facts of a batch of entities, all or none. */
  replaceFacts(
    derived: readonly { stored: StoredHistory; facts: EntityFacts }[],
  ): Promise<void>;

  loadFacts(scope: FactScope, from: number, to: number): Promise<StoredFacts>;
  /**
   * A token of each entity's facts that changes whenever they are replaced;
   * entities whose facts were never derived are absent.
   */
  factRevisions(entityRefs: readonly string[]): Promise<Map<string, string>>;
  listDeployments(query: EventListQuery): Promise<Page<StoredDeploymentView>>;
  listIncidents(query: EventListQuery): Promise<Page<IncidentView>>;
  dataQuality(now: number): Promise<StoreDataQuality>;
  /** Entities that have any attributed event. */
  attributedEntities(): Promise<string[]>;
}

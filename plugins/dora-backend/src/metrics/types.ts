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

import { DeploymentKind } from '@dora-metrics/plugin-dora-common';

/**
 * Plain records the derivation works on. Times are epoch milliseconds (UTC).
 * `key` is `source:id`, unique across sources.
 */
export type DeploymentRecord = {
  key: string;
  source: string;
  externalId: string;
  environment: string;
  status: string;
  kind: DeploymentKind;
  finishedAt: number;
  sha: string | null;
  repository: string | null;
  rollbackOf: string | null;
  /** Commits the deployment lists itself; `null` when it lists none. */
  commits:
    | {
        sha: string;
        committedAt: number;
        authoredAt: number | null;
        /** Made by a bot (only this flag is stored, never who). */
        automated: boolean;
        /** The sha it reverts, when it is a revert. */
        revertOf?: string | null;
        /** The pull request the deployment says the commit belongs to. */
        pullRequest?: PullRequestRecord | null;
      }[]
    | null;
};

export type PullRequestRecord = {
  number: number;
  createdAt: number | null;
  firstReviewAt: number | null;
  mergedAt: number | null;
  /**
   * The earliest commit of the pull request as its source knows it, for
   * commits a squash replaced and that are stored nowhere else.
   */
  firstCommitAt: number | null;
};

export type ChangeRecord = {
  sha: string;
  committedAt: number;
  authoredAt: number | null;
  firstParent: string | null;
  pullRequest: PullRequestRecord | null;
  /** Made by a bot (only this flag is stored, never who). */
  automated: boolean;
  /** The sha (maybe abbreviated) it reverts, when it is a revert. */
  revertOf?: string | null;
  /** The pull request of its repository it reverts. */
  revertOfPullRequest?: number | null;
};

export type IncidentRecord = {
  key: string;
  source: string;
  externalId: string;
  startedAt: number;
  resolvedAt: number | null;
  causeDeploymentId: string | null;
  causeSha: string | null;
};

/** Everything known about one entity, enough to derive its facts. */
export type EntityHistory = {
  entityRef: string;
  productionEnvironments: readonly string[];
  deployments: DeploymentRecord[];
  incidents: IncidentRecord[];
  /** Known commits by repository, then by sha. */
  changes: ReadonlyMap<string, ReadonlyMap<string, ChangeRecord>>;
};

export type ShippedCommit = {
  sha: string;
  committedAt: number;
  leadTimeHours: number;
};

/** One counted (successful production) deployment and what it led to. */
export type DeploymentFact = {
  entityRef: string;
  deploymentKey: string;
  finishedAt: number;
  failed: boolean;
  unplanned: boolean;
  /** It should have shipped commits, but its history is not known (data quality). */
  commitsUnknown: boolean;
  /** Non-negative lead times of the commits it shipped, in hours. */
  leadTimes: number[];
  clockSkewed: number;
  /** Shipped automated changes left out of `leadTimes` and `stages`. */
  automatedExcluded: number;
  stages: {
    coding: number[];
    pickup: number[];
    review: number[];
    deploy: number[];
  };
  commits: ShippedCommit[];
};

/** A failed deployment recovery sample, bucketed at `at`. */
export type RecoveryFact = {
  entityRef: string;
  kind: 'incident' | 'rollback';
  at: number;
  hours: number;
  deploymentKey: string;
  /** The incident or the rollback deployment that ended the failure. */
  recoveredBy: string;
};

export type IncidentFact = {
  entityRef: string;
  incidentKey: string;
  startedAt: number;
  resolvedAt: number | null;
  linkedDeployment: string | null;
  linkedBy: 'cause' | 'time' | null;
};

export type EntityFacts = {
  entityRef: string;
  /**
   * When its first stored deployment (any status, any environment)
   * finished; `null` when none is stored. Its history starts there.
   */
  historyStartsAt: number | null;
  deployments: DeploymentFact[];
  recoveries: RecoveryFact[];
  incidents: IncidentFact[];
};

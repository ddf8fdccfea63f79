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

import type { components } from './schema/openapi.generated';

/**
 * Shapes of the events accepted by the push API (`POST /api/dora/v1/...`).
 * Timestamps are ISO 8601 strings that carry an offset (`Z` or `+02:00`).
 */

/** @public */
export type DeploymentStatus = 'success' | 'failure' | 'cancelled';
/** @public */
export const DEPLOYMENT_STATUSES: readonly DeploymentStatus[] = [
  'success',
  'failure',
  'cancelled',
];

/** Why a deployment happened; `hotfix` and `rollback` count as rework. @public */
export type DeploymentKind = 'planned' | 'hotfix' | 'rollback';
/** @public */
export const DEPLOYMENT_KINDS: readonly DeploymentKind[] = [
  'planned',
  'hotfix',
  'rollback',
];

/** A commit a deployment lists as shipped. @public */
export type DeployedCommitInput = {
  sha: string;
  committedAt: string;
  authoredAt?: string;
  /** Made by a bot: shipped, but no lead-time sample by default. */
  automated?: boolean;
  /** The sha (full or abbreviated) of the commit this one reverts. */
  revertOf?: string;
  /** The pull request the commit belongs to (a branch commit, or its merge). */
  pullRequest?: PullRequestInput;
};

/** @public */
export type DeploymentInput = {
  source: string;
  id: string;
  entityRef?: string;
  repository?: string;
  environment: string;
  status: DeploymentStatus;
  startedAt?: string;
  finishedAt: string;
  sha?: string;
  commits?: DeployedCommitInput[];
  rollbackOf?: string;
  kind?: DeploymentKind;
  url?: string;
};

/** @public */
export type PullRequestInput = {
  number: number;
  createdAt?: string;
  firstReviewAt?: string;
  mergedAt?: string;
  /** The pull request's earliest commit, e.g. of the commits a squash replaced. */
  firstCommitAt?: string;
};

/** @public */
export type ChangeInput = {
  source: string;
  repository: string;
  sha: string;
  committedAt: string;
  authoredAt?: string;
  /** First parent first. */
  parents?: string[];
  pullRequest?: PullRequestInput;
  /** Made by a bot: shipped, but no lead-time sample by default. */
  automated?: boolean;
  /** The sha (full or abbreviated) of the commit this one reverts. */
  revertOf?: string;
  /** The number of the pull request of the same repository this one reverts. */
  revertOfPullRequest?: number;
};

/** @public */
export type IncidentInput = {
  source: string;
  id: string;
  entityRef?: string;
  /** PagerDuty service id, matched against `pagerduty.com/service-id`. */
  service?: string;
  title?: string;
  severity?: string;
  startedAt: string;
  resolvedAt?: string | null;
  /** A deployment id of the same source namespace as deployments, or `source:id`. */
  causeDeploymentId?: string;
  causeSha?: string;
  url?: string;
};

/** Answer of every push route (generated from openapi.yaml). @public */
export type IngestResult = components['schemas']['IngestResult'];

/** One item of a batch that was not stored, and why. @public */
export type IngestRejection = IngestResult['rejected'][number];

/** Largest batch the push API takes. @public */
export const MAX_BATCH_SIZE = 5000;

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

/**
 * The plugin's tables as the drivers return their rows (see migrations/).
 * Column names are the tables' own; times are epoch milliseconds.
 */

/**
 * A big integer column: PostgreSQL's driver returns BIGINT as a string, the
 * others a number; read it with `Number()` or {@link numberOrNull}.
 */
export type DbInteger = number | string;

/** A boolean column: SQLite and MySQL return 0 or 1. */
export type DbBoolean = boolean | number;

/** A text column holding JSON. */
export type DbJson = string;

/** A nullable numeric column read as a number. */
export const numberOrNull = (v: DbInteger | null | undefined) =>
  v === null || v === undefined ? null : Number(v);

export interface DeploymentEventRow {
  id: DbInteger;
  event_key: string;
  source: string;
  external_id: string;
  /** The entity the sender named, if any. */
  entity_ref: string | null;
  repository: string | null;
  environment: string;
  status: string;
  kind: string;
  started_at: DbInteger | null;
  finished_at: DbInteger;
  sha: string | null;
  rollback_of: string | null;
  /** The commits the sender listed. */
  commits: DbJson | null;
  url: string | null;
  content_hash: string;
  received_at: DbInteger;
}

export interface IncidentEventRow {
  id: DbInteger;
  event_key: string;
  source: string;
  external_id: string;
  entity_ref: string | null;
  service: string | null;
  title: string | null;
  severity: string | null;
  started_at: DbInteger;
  resolved_at: DbInteger | null;
  cause_deployment_id: string | null;
  cause_sha: string | null;
  url: string | null;
  reopened_at: DbInteger | null;
  content_hash: string;
  received_at: DbInteger;
}

export interface ChangeEventRow {
  id: DbInteger;
  source: string;
  repository: string;
  sha: string;
  committed_at: DbInteger;
  authored_at: DbInteger | null;
  first_parent: string | null;
  /** First parent first. */
  parents: DbJson | null;
  pr_number: DbInteger | null;
  pr_created_at: DbInteger | null;
  pr_first_review_at: DbInteger | null;
  pr_merged_at: DbInteger | null;
  pr_first_commit_at: DbInteger | null;
  automated: DbBoolean;
  revert_of: string | null;
  revert_of_pr: DbInteger | null;
  content_hash: string;
  received_at: DbInteger;
}

export interface AttributionRow {
  event_type: 'deployment' | 'incident';
  event_id: DbInteger;
  entity_ref: string;
  matched_by: string;
  /** The owner group, then its ancestors. */
  owner_chain: DbJson;
  attributed_at: DbInteger;
}

export interface EntityStateRow {
  entity_ref: string;
  /** Raised each time the entity's events change. */
  version: DbInteger;
  /** The version its facts were derived from. */
  computed_version: DbInteger;
  computed_at: DbInteger | null;
  /** Raised each time its facts are replaced. */
  facts_revision: DbInteger;
}

export interface DeploymentFactRow {
  entity_ref: string;
  deployment_id: DbInteger;
  finished_at: DbInteger;
  failed: DbBoolean;
  unplanned: DbBoolean;
  commits_unknown: DbBoolean;
  clock_skewed: DbInteger;
  automated_excluded: DbInteger;
  /** Hours, non-negative. */
  lead_times: DbJson;
  /** Hours per stage. */
  stages: DbJson;
  /** The commits it shipped. */
  commits: DbJson;
  owner_chain: DbJson;
}

export interface RecoveryFactRow {
  entity_ref: string;
  kind: 'incident' | 'rollback';
  at: DbInteger;
  hours: number;
  deployment_id: DbInteger;
  /** The incident or rollback event key. */
  recovered_by: string;
  owner_chain: DbJson;
}

export interface IncidentFactRow {
  entity_ref: string;
  incident_id: DbInteger;
  started_at: DbInteger;
  resolved_at: DbInteger | null;
  linked_deployment_id: DbInteger | null;
  linked_by: 'cause' | 'time' | null;
  owner_chain: DbJson;
}

export interface PullRequestRow {
  source: string;
  repository: string;
  number: DbInteger;
  created_at: DbInteger | null;
  first_review_at: DbInteger | null;
  merged_at: DbInteger | null;
  merge_sha: string | null;
  revert_of: string | null;
  revert_of_pr: DbInteger | null;
  updated_at: DbInteger;
}

export interface BackfillStateRow {
  job_key: string;
  source: string;
  target: string;
  step: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  /** Where the next page starts. */
  cursor: DbJson | null;
  pages_done: DbInteger;
  pages_total: DbInteger | null;
  items: DbInteger;
  since: DbInteger;
  run_started_at: DbInteger;
  updated_at: DbInteger;
  error: string | null;
}

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

import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Settings of the DORA metrics plugin. */
  dora?: {
    /**
     * Environment names whose successful deployments count, compared without
     * case. An entity may override them with the
     * `dora-metrics/production-environments` annotation.
     * @default ["production", "prod"]
     */
    productionEnvironments?: string[];
    /**
     * IANA time zone in which days, ISO weeks and months are cut.
     * @default "UTC"
     */
    timeZone?: string;
    /**
     * Longest time from a deployment to an incident it is linked to without
     * an explicit cause, e.g. "48h". Unlimited when unset (as DevLake).
     */
    incidentLinkWindow?: string | HumanDuration;
    /**
     * Glob patterns (`*` matches any characters, case-insensitive) of the
     * author logins of bots. Their commits and pull requests are automated
     * changes: shipped and counted for deployments, but no lead-time or stage
     * sample unless `leadTime.includeAutomated` is true. Only the flag is
     * stored, never the login.
     * @default ["*[bot]", "renovate*", "dependabot*"]
     */
    automatedAuthors?: string[];
    leadTime?: {
      /**
       * Whether automated (bot) changes are lead-time and stage samples.
       * @default false
       */
      includeAutomated?: boolean;
    };
    /** How long the catalog index (attribution, visibility for services) is used before it is rebuilt in the background. @default 5 minutes */
    catalogRefresh?: string | HumanDuration;
    reconcile?: {
      /** How often re-attribution and re-derivation run (one replica at a time). @default 10 minutes */
      frequency?: string | HumanDuration;
    };
    reports?: {
      /**
       * Memory, in MiB, that team and template reports may keep decoded
       * facts in between requests (checked against the database on every
       * request, so never stale). 0 turns it off.
       * @default 256
       */
      cacheMiB?: number;
    };
    /** Band thresholds; each value left out keeps its default (DevLake 2023). */
    bands?: {
      deploymentFrequency?: { elite?: number; high?: number };
      deploymentDaysPerMonthMedium?: number;
      leadTimeHours?: { elite?: number; high?: number; medium?: number };
      changeFailureRate?: { elite?: number; high?: number; medium?: number };
      recoveryTimeHours?: { elite?: number; high?: number; medium?: number };
    };
    /**
     * History read from the providers' APIs for every annotated repository
     * and service (see README, "Providers").
     * GitHub credentials and API URL come from `integrations.github`,
     * GitLab's from `integrations.gitlab` (a token with `read_api`).
     */
    backfill?: {
      /** @default true */
      enabled?: boolean;
      /** How often a backfill run starts (one replica at a time). @default 6 hours */
      frequency?: string | HumanDuration;
      /** How far back a run reads. PagerDuty allows at most 6 months. @default 180 days */
      lookback?: string | HumanDuration;
      github?: {
        /** Integration host for `github.com/project-slug` repositories. @default "github.com" */
        host?: string;
      };
      gitlab?: {
        /** Integration host for `gitlab.com/project-slug` projects. @default "gitlab.com" */
        host?: string;
      };
    };
    /** PagerDuty REST API access for the incident backfill. */
    pagerduty?: {
      /**
       * A read-only REST API key. The backfill skips PagerDuty without it.
       * @visibility secret
       */
      token?: string;
      /** @default "https://api.pagerduty.com" */
      apiBaseUrl?: string;
    };
    /** What the push API accepts from whom. */
    ingest?: {
      /**
       * Push-API callers by the `subject` of their credentials (a static
       * token's `subject` in `backend.auth.externalAccess`), each with the
       * only sources it may write. A subject not listed may write any source
       * except those the plugin's webhooks and backfill write (`github`,
       * `gitlab`, `pagerduty` and modules' backfill sources); list a subject
       * with such a source to let it push that source.
       */
      principals?: Array<{
        /** The caller's subject, e.g. `ci`. */
        subject: string;
        /** Sources it may write, compared without case. */
        sources: string[];
      }>;
      /**
       * Kinds of entity a pushed `entityRef` may name; an item naming another
       * kind (a user, a location) is rejected. Compared without case.
       * @default ["component", "resource", "system"]
       */
      entityKinds?: string[];
    };
  };
}

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

import { Config, readDurationFromConfig } from '@backstage/config';
import {
  BandThresholds,
  DEFAULT_BAND_THRESHOLDS,
} from '@dora-metrics/plugin-dora-common';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { isValidZone } from './metrics/time';

/**
 * What deployments and incidents can belong to: components (services,
 * websites, libraries released on their own), resources (infrastructure
 * deployed by its own pipeline) and systems (deployed as one unit). An API is
 * deployed by the component that provides it; users, groups, domains,
 * locations and templates never deploy.
 */
export const DEFAULT_ENTITY_KINDS = ['component', 'resource', 'system'];

/** The plugin's settings under `dora`, with defaults applied (see config.d.ts). */
/** Bot logins, by the binding spec: GitHub Apps, Renovate and Dependabot. */
export const DEFAULT_AUTOMATED_AUTHORS: readonly string[] = [
  '*[bot]',
  'renovate*',
  'dependabot*',
];

export type DoraConfig = {
  productionEnvironments: string[];
  timeZone: string;
  incidentLinkWindowMs: number | null;
  /** Glob patterns of bot logins; a change by one is automated. */
  automatedAuthors: string[];
  leadTime: {
    /** Whether automated changes are lead-time and stage samples. */
    includeAutomated: boolean;
  };
  bands: BandThresholds;
  catalogRefreshMs: number;
  reconcileFrequency: HumanDuration;
  /** Bytes team and template reports may keep facts in (0: none). */
  reportCacheBytes: number;
  backfill: {
    enabled: boolean;
    frequency: HumanDuration;
    lookbackMs: number;
    /** GitHub host whose integration serves `github.com/project-slug` repositories. */
    githubHost: string;
    /** GitLab host whose integration serves `gitlab.com/project-slug` projects. */
    gitlabHost: string;
  };
  pagerduty: { token: string | null; apiBaseUrl: string };
  ingest: {
    /** Push-API subjects and the only sources each may write. */
    principals: { subject: string; sources: string[] }[];
    /** Kinds a pushed `entityRef` may name, lower case. */
    entityKinds: string[];
  };
};

function ingestPrincipals(config: Config | undefined) {
  return (config?.getOptionalConfigArray('ingest.principals') ?? []).map(p => ({
    subject: p.getString('subject'),
    sources: p.getStringArray('sources'),
  }));
}

function duration(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return config?.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}

function reportCacheBytes(config: Config | undefined): number {
  const mib = config?.getOptionalNumber('reports.cacheMiB') ?? 256;
  if (!(mib >= 0)) {
    throw new Error(`dora.reports.cacheMiB: must be 0 or more, not ${mib}`);
  }
  return mib * 2 ** 20;
}

export function readDoraConfig(root: Config): DoraConfig {
  const config = root.getOptionalConfig('dora');
  const timeZone = config?.getOptionalString('timeZone') ?? 'UTC';
  if (!isValidZone(timeZone)) {
    throw new Error(
      `dora.timeZone: '${timeZone}' is not an IANA time zone name`,
    );
  }
  const bands = config?.getOptionalConfig('bands');
  const triple = (key: keyof BandThresholds) => {
    const defaults = DEFAULT_BAND_THRESHOLDS[key] as Record<string, number>;
    const c = bands?.getOptionalConfig(key);
    return Object.fromEntries(
      Object.entries(defaults).map(([k, v]) => [
        k,
        c?.getOptionalNumber(k) ?? v,
      ]),
    );
  };
  return {
    productionEnvironments: config?.getOptionalStringArray(
      'productionEnvironments',
    ) ?? ['production', 'prod'],
    timeZone,
    incidentLinkWindowMs: config?.has('incidentLinkWindow')
      ? durationToMilliseconds(
          readDurationFromConfig(config, { key: 'incidentLinkWindow' }),
        )
      : null,
    automatedAuthors: config?.getOptionalStringArray('automatedAuthors') ?? [
      ...DEFAULT_AUTOMATED_AUTHORS,
    ],
    leadTime: {
      includeAutomated:
        config?.getOptionalBoolean('leadTime.includeAutomated') ?? false,
    },
    bands: {
      deploymentFrequency: triple(
        'deploymentFrequency',
      ) as BandThresholds['deploymentFrequency'],
      deploymentDaysPerMonthMedium:
        bands?.getOptionalNumber('deploymentDaysPerMonthMedium') ??
        DEFAULT_BAND_THRESHOLDS.deploymentDaysPerMonthMedium,
      leadTimeHours: triple('leadTimeHours') as BandThresholds['leadTimeHours'],
      changeFailureRate: triple(
        'changeFailureRate',
      ) as BandThresholds['changeFailureRate'],
      recoveryTimeHours: triple(
        'recoveryTimeHours',
      ) as BandThresholds['recoveryTimeHours'],
    },
    catalogRefreshMs: durationToMilliseconds(
      duration(config, 'catalogRefresh', { minutes: 5 }),
    ),
    reconcileFrequency: duration(config, 'reconcile.frequency', {
      minutes: 10,
    }),
    reportCacheBytes: reportCacheBytes(config),
    backfill: {
      enabled: config?.getOptionalBoolean('backfill.enabled') ?? true,
      frequency: duration(config, 'backfill.frequency', { hours: 6 }),
      lookbackMs: durationToMilliseconds(
        duration(config, 'backfill.lookback', { days: 180 }),
      ),
      githubHost:
        config?.getOptionalString('backfill.github.host') ?? 'github.com',
      gitlabHost:
        config?.getOptionalString('backfill.gitlab.host') ?? 'gitlab.com',
    },
    pagerduty: {
      token: config?.getOptionalString('pagerduty.token') ?? null,
      apiBaseUrl:
        config?.getOptionalString('pagerduty.apiBaseUrl') ??
        'https://api.pagerduty.com',
    },
    ingest: {
      principals: ingestPrincipals(config),
      entityKinds: (
        config?.getOptionalStringArray('ingest.entityKinds') ??
        DEFAULT_ENTITY_KINDS
      ).map(kind => kind.toLocaleLowerCase('en-US')),
    },
  };
}

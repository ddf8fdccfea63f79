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
} from '@dora-metrics/plugin-dora-common';
import { CHECKOUT_REF } from './workedExample';

/*
 * The events of the worked example as the drill-down API lists them, and
 * data-quality reports: one clean, one with a finding of every kind.
 */

const deployment = (
  over: Partial<DeploymentView> & Pick<DeploymentView, 'id' | 'finishedAt'>,
): DeploymentView => ({
  source: 'github-actions',
  entityRef: CHECKOUT_REF,
  environment: 'production',
  status: 'success',
  kind: 'planned',
  sha: null,
  startedAt: null,
  url: `https://ci.example.com/runs/${over.id}`,
  counted: true,
  failed: false,
  rollbackOf: null,
  linkedIncidents: [],
  leadTimeHours: null,
  commits: [],
  ...over,
});

/** d4..d1, newest first as the API lists them. */
export const workedExampleDeployments: DeploymentView[] = [
  deployment({
    id: 'd4',
    sha: 'a4',
    kind: 'rollback',
    rollbackOf: 'd3',
    finishedAt: '2026-03-05T18:00:00.000Z',
  }),
  deployment({
    id: 'd3',
    sha: 'a3',
    failed: true,
    finishedAt: '2026-03-05T16:00:00.000Z',
    leadTimeHours: 24,
    commits: [
      { sha: 'c4', committedAt: '2026-03-04T16:00:00.000Z', leadTimeHours: 24 },
    ],
  }),
  deployment({
    id: 'd2',
    sha: 'a2',
    failed: true,
    linkedIncidents: ['pagerduty:i1'],
    finishedAt: '2026-03-03T09:00:00.000Z',
    leadTimeHours: 0.5,
    commits: [
      {
        sha: 'c3',
        committedAt: '2026-03-03T08:30:00.000Z',
        leadTimeHours: 0.5,
      },
    ],
  }),
  deployment({
    id: 'd1',
    sha: 'a1',
    finishedAt: '2026-03-02T12:00:00.000Z',
    leadTimeHours: 14,
    url: null,
    commits: [
      { sha: 'c1', committedAt: '2026-03-02T08:00:00.000Z', leadTimeHours: 4 },
      { sha: 'c2', committedAt: '2026-03-01T12:00:00.000Z', leadTimeHours: 24 },
    ],
  }),
];

export const workedExampleIncidents: IncidentView[] = [
  {
    source: 'pagerduty',
    id: 'i1',
    entityRef: CHECKOUT_REF,
    title: 'Checkout 5xx',
    severity: 'sev2',
    startedAt: '2026-03-03T10:00:00.000Z',
    resolvedAt: '2026-03-03T12:30:00.000Z',
    url: 'https://acme.pagerduty.com/incidents/i1',
    linkedDeployment: 'github-actions:d2',
    linkedBy: 'time',
  },
];

export const cleanDataQualityReport: DataQualityReport = {
  unattributedEvents: [],
  entitiesWithoutAnnotations: [],
  unknownEntities: [],
  clockSkewedChanges: 0,
  deploymentsWithUnknownCommits: 0,
  staleOpenIncidents: [],
};

export const messyDataQualityReport: DataQualityReport = {
  unattributedEvents: [
    {
      eventType: 'deployment',
      source: 'github-actions',
      matchKey: 'acme/payments-api',
      count: 12,
    },
    {
      eventType: 'incident',
      source: 'pagerduty',
      matchKey: 'PABC999',
      count: 3,
    },
  ],
  entitiesWithoutAnnotations: [
    {
      entityRef: 'component:default/legacy-billing',
      missing: [
        'github.com/project-slug',
        'gitlab.com/project-slug',
        'pagerduty.com/service-id',
      ],
    },
  ],
  unknownEntities: ['component:default/ghost'],
  clockSkewedChanges: 5,
  deploymentsWithUnknownCommits: 2,
  staleOpenIncidents: [
    {
      entityRef: CHECKOUT_REF,
      source: 'pagerduty',
      id: 'i9',
      startedAt: '2026-02-01T08:00:00.000Z',
    },
  ],
};

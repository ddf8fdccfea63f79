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

import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DataQualityReport,
  MetricsDataQuality,
} from '@dora-metrics/plugin-dora-common';
import {
  UnattributedEvent,
  collapseAlternatives,
  hasMatchAnnotation,
  missingAnnotationNames,
} from './annotationHints';

type StaleIncident = DataQualityReport['staleOpenIncidents'][number];

/** One reason a figure may be missing, zero or doubtful. */
export type Finding =
  | {
      kind: 'missing-annotations';
      entityRef: string;
      /** Annotation names to add. */
      missing: string[];
      /** Whether the entity has no match annotation at all (nothing matches). */
      noneAtAll: boolean;
    }
  | {
      kind: 'entities-without-annotations';
      entities: { entityRef: string; missing: string[] }[];
    }
  | { kind: 'unattributed-events'; events: UnattributedEvent[] }
  | { kind: 'unknown-entities'; entityRefs: string[] }
  | { kind: 'clock-skew'; count: number; scope: 'entity' | 'all' }
  | { kind: 'unlinked-incidents'; count: number }
  | { kind: 'automated-changes'; count: number }
  | { kind: 'unknown-commits'; count: number; scope: 'entity' | 'all' }
  | { kind: 'stale-open-incidents'; incidents: StaleIncident[] };

const sameRef = (a: string, b: string) =>
  a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

function missingFinding(
  entityRef: string,
  entity: Entity | undefined,
  report: DataQualityReport | undefined,
): Finding | undefined {
  // The page's entity is the freshest source; the report is a fallback for
  // a panel given an entityRef outside that entity's page.
  if (entity && sameRef(stringifyEntityRef(entity), entityRef)) {
    const annotations = entity.metadata.annotations ?? {};
    const missing = missingAnnotationNames(annotations);
    if (missing.length === 0) return undefined;
    const noneAtAll = !hasMatchAnnotation(annotations);
    return { kind: 'missing-annotations', entityRef, missing, noneAtAll };
  }
  const listed = report?.entitiesWithoutAnnotations.find(e =>
    sameRef(e.entityRef, entityRef),
  );
  if (!listed) return undefined;
  return {
    kind: 'missing-annotations',
    entityRef,
    missing: collapseAlternatives(listed.missing),
    noneAtAll: true,
  };
}

/**
 * The findings of a window's own counts, for a pool of entities (a team's
 * `dataQuality`): what made its figures doubtful or left samples out.
 */
export function windowFindings(dataQuality: MetricsDataQuality): Finding[] {
  const findings: Finding[] = [];
  const scope = 'entity' as const;
  if (dataQuality.clockSkewedChanges)
    findings.push({
      kind: 'clock-skew',
      count: dataQuality.clockSkewedChanges,
      scope,
    });
  if (dataQuality.unlinkedIncidents)
    findings.push({
      kind: 'unlinked-incidents',
      count: dataQuality.unlinkedIncidents,
    });
  if (dataQuality.automatedChangesExcluded)
    findings.push({
      kind: 'automated-changes',
      count: dataQuality.automatedChangesExcluded,
    });
  if (dataQuality.deploymentsWithUnknownCommits)
    findings.push({
      kind: 'unknown-commits',
      count: dataQuality.deploymentsWithUnknownCommits,
      scope,
    });
  return findings;
}

/**
 * The findings to show. With an `entityRef` they are about that entity: its
 * annotations, the window's counts from its metrics response, its stale
 * incidents; events no entity claims are listed too, since one of them may be
 * the entity's. Without, they are the store-wide report.
 */
export function collectFindings(options: {
  entityRef?: string;
  entity?: Entity;
  dataQuality?: MetricsDataQuality;
  report?: DataQualityReport;
}): Finding[] {
  const { entityRef, entity, dataQuality, report } = options;
  const findings: (Finding | undefined | false)[] = [];

  if (entityRef) {
    findings.push(missingFinding(entityRef, entity, report));
  } else if (report?.entitiesWithoutAnnotations.length) {
    findings.push({
      kind: 'entities-without-annotations',
      entities: report.entitiesWithoutAnnotations.map(e => ({
        ...e,
        missing: collapseAlternatives(e.missing),
      })),
    });
  }

  if (report?.unattributedEvents.length) {
    findings.push({
      kind: 'unattributed-events',
      events: [...report.unattributedEvents].sort((a, b) => b.count - a.count),
    });
  }
  if (!entityRef && report?.unknownEntities.length) {
    findings.push({
      kind: 'unknown-entities',
      entityRefs: report.unknownEntities,
    });
  }

  // Counts: the entity's window when scoped, the whole store otherwise.
  const scope = entityRef ? 'entity' : 'all';
  const counts = entityRef ? dataQuality : report;
  if (counts?.clockSkewedChanges) {
    findings.push({
      kind: 'clock-skew',
      count: counts.clockSkewedChanges,
      scope,
    });
  }
  if (entityRef && dataQuality?.unlinkedIncidents) {
    findings.push({
      kind: 'unlinked-incidents',
      count: dataQuality.unlinkedIncidents,
    });
  }
  // Only a metrics answer counts them, so only an entity's window shows them.
  if (entityRef && dataQuality?.automatedChangesExcluded) {
    findings.push({
      kind: 'automated-changes',
      count: dataQuality.automatedChangesExcluded,
    });
  }
  if (counts?.deploymentsWithUnknownCommits) {
    findings.push({
      kind: 'unknown-commits',
      count: counts.deploymentsWithUnknownCommits,
      scope,
    });
  }

  const stale = (report?.staleOpenIncidents ?? []).filter(
    i => !entityRef || sameRef(i.entityRef, entityRef),
  );
  if (stale.length) {
    findings.push({ kind: 'stale-open-incidents', incidents: stale });
  }

  return findings.filter((f): f is Finding => Boolean(f));
}

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

import { Knex } from 'knex';
import type { DeploymentFact } from '../metrics/types';
import { chunks } from './statementChunks';
import {
  DbInteger,
  DeploymentFactRow,
  IncidentFactRow,
  numberOrNull as num,
  RecoveryFactRow,
} from './tables';
import { FactScope, StoredFacts } from './types';

/**
 * A LIKE pattern on the JSON owner chain: the quotes make it match whole refs
 * only; `directOnly` anchors it to the first element, the owner itself.
 */
function ownerChainPattern(groupRef: string, directOnly: boolean) {
  const quoted = JSON.stringify(groupRef).replace(/[!%_]/g, m => `!${m}`);
  return directOnly ? `[${quoted}%` : `%${quoted}%`;
}

// Most deployments ship no pull request, some no commit: one shared value
// for them, frozen to the arrays, since reports only read it.
const noSamples = () => Object.freeze([]) as readonly number[] as number[];
const NO_STAGES: DeploymentFact['stages'] = Object.freeze({
  coding: noSamples(),
  pickup: noSamples(),
  review: noSamples(),
  deploy: noSamples(),
});
const NO_STAGES_JSON = JSON.stringify(NO_STAGES);
const NO_SAMPLES = noSamples();
const NO_SAMPLES_JSON = JSON.stringify(NO_SAMPLES);

function scoped(
  query: Knex.QueryBuilder,
  scope: FactScope,
  entityRefs?: readonly string[],
): Knex.QueryBuilder {
  if ('ownerGroup' in scope) {
    // '!' escapes: a backslash means different things in MySQL and PostgreSQL literals.
    return query.whereRaw("owner_chain LIKE ? ESCAPE '!'", [
      ownerChainPattern(scope.ownerGroup, scope.directOnly ?? false),
    ]);
  }
  return query.whereIn('entity_ref', entityRefs ?? scope.entityRefs);
}

/**
 * Facts that can matter to windows inside `[from, to)`: deployments and
 * recoveries in it, and incidents not resolved before it starts.
 */
export async function loadFacts(
  db: Knex,
  scope: FactScope,
  from: number,
  to: number,
): Promise<StoredFacts> {
  const facts: StoredFacts = {
    deployments: [],
    recoveries: [],
    incidents: [],
    historyStarts: new Map(),
  };
  const refBatches =
    'entityRefs' in scope ? chunks(scope.entityRefs, 500) : [undefined];
  for (const refs of refBatches) {
    if (refs && refs.length === 0) continue;
    // Reports never list shipped commits: that column stays unread here.
    const [deployments, recoveries, incidents, starts]: [
      Omit<DeploymentFactRow, 'commits' | 'owner_chain'>[],
      Omit<RecoveryFactRow, 'owner_chain'>[],
      Omit<IncidentFactRow, 'owner_chain'>[],
      { entity_ref: string; first_finished_at: DbInteger }[],
    ] = await Promise.all([
      scoped(db('dora_deployment_facts'), scope, refs)
        .select(
          'entity_ref',
          'deployment_id',
          'finished_at',
          'failed',
          'unplanned',
          'commits_unknown',
          'clock_skewed',
          'automated_excluded',
          'lead_times',
          'stages',
        )
        .where('finished_at', '>=', from)
        .where('finished_at', '<', to),
      scoped(db('dora_recovery_facts'), scope, refs)
        .select(
          'entity_ref',
          'kind',
          'at',
          'hours',
          'deployment_id',
          'recovered_by',
        )
        .where('at', '>=', from)
        .where('at', '<', to),
      scoped(db('dora_incident_facts'), scope, refs)
        .select(
          'entity_ref',
          'incident_id',
          'started_at',
          'resolved_at',
          'linked_deployment_id',
          'linked_by',
        )
        .where('started_at', '<', to)
        .where(q =>
          q.whereNull('resolved_at').orWhere('resolved_at', '>=', from),
        ),
      historyStarts(db, scope, refs),
    ]);
    // A plain loop: reports read tens of thousands of these per request.
    for (const r of deployments) {
      facts.deployments.push({
        entityRef: r.entity_ref,
        deploymentKey: Number(r.deployment_id),
        finishedAt: Number(r.finished_at),
        failed: Boolean(r.failed),
        unplanned: Boolean(r.unplanned),
        commitsUnknown: Boolean(r.commits_unknown),
        clockSkewed: Number(r.clock_skewed),
        automatedExcluded: Number(r.automated_excluded),
        leadTimes:
          r.lead_times === NO_SAMPLES_JSON
            ? NO_SAMPLES
            : JSON.parse(r.lead_times),
        stages: r.stages === NO_STAGES_JSON ? NO_STAGES : JSON.parse(r.stages),
      });
    }
    facts.recoveries.push(
      ...recoveries.map(r => ({
        entityRef: r.entity_ref,
        kind: r.kind,
        at: Number(r.at),
        hours: Number(r.hours),
        deploymentKey: String(r.deployment_id),
        recoveredBy: r.recovered_by,
      })),
    );
    facts.incidents.push(
      ...incidents.map(r => ({
        entityRef: r.entity_ref,
        incidentKey: String(r.incident_id),
        startedAt: Number(r.started_at),
        resolvedAt: num(r.resolved_at),
        linkedDeployment:
          r.linked_deployment_id === null
            ? null
            : String(r.linked_deployment_id),
        linkedBy: r.linked_by,
      })),
    );
    for (const r of starts)
      facts.historyStarts.set(r.entity_ref, Number(r.first_finished_at));
  }
  return facts;
}

/**
 * When each entity's first attributed deployment (any status, any
 * environment) finished: every deployment counts, not only the counted ones
 * the facts hold. Under an owner group, only deployments attributed while
 * the group owned the entity.
 */
function historyStarts(
  db: Knex,
  scope: FactScope,
  entityRefs?: readonly string[],
) {
  const query = db('dora_attributions as a')
    .join('dora_deployments as d', 'd.id', 'a.event_id')
    .where('a.event_type', 'deployment')
    .groupBy('a.entity_ref')
    .select('a.entity_ref', db.raw('MIN(d.finished_at) AS first_finished_at'));
  if ('ownerGroup' in scope) {
    return query.whereRaw("a.owner_chain LIKE ? ESCAPE '!'", [
      ownerChainPattern(scope.ownerGroup, scope.directOnly ?? false),
    ]);
  }
  return query.whereIn('a.entity_ref', entityRefs ?? scope.entityRefs);
}

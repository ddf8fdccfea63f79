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

import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  IngestRejection,
  IngestResult,
  MAX_BATCH_SIZE,
} from '@dora-metrics/plugin-dora-common';
import { z } from 'zod/v3';
import { attributeEvent, normalizeEntityRef } from '../attribution/attribute';
import { CatalogIndexProvider } from '../attribution/CatalogIndexProvider';
import { FactDeriver } from '../reconcile/FactDeriver';
import {
  Attributed,
  ChangeRow,
  DeploymentRow,
  DoraStore,
  IncidentRow,
  UpsertResult,
} from '../database/types';
import {
  changeSchema,
  deploymentSchema,
  describeIssue,
  incidentSchema,
  observedIncidentSchema,
  ParsedChange,
  ParsedDeployment,
  ParsedIncident,
} from './schemas';
import { unstorableText } from './storableText';
import { SourceWritePolicy } from './SourceWritePolicy';
import { DEFAULT_ENTITY_KINDS } from '../config';

/** Who pushes a batch through the push API: a service principal's subject. */
export type PushWriter = { subject: string };

/** The list a push body carries, or a 400 naming what is wrong with it. */
function batchOf(body: unknown, field: string): unknown[] {
  const list =
    body && typeof body === 'object'
      ? (body as Record<string, unknown>)[field]
      : undefined;
  if (!Array.isArray(list) || list.length < 1 || list.length > MAX_BATCH_SIZE) {
    throw new InputError(
      `${field}: must be an array of 1 to ${MAX_BATCH_SIZE} items`,
    );
  }
  const unknown = Object.keys(body as object).filter(k => k !== field);
  if (unknown.length > 0)
    throw new InputError(`${unknown.join(', ')}: unknown field`);
  return list;
}

/** Why a valid item may still not be stored (its reason), or null. */
type Refusal<T> = (item: T) => string | null;

function validate<T>(
  items: unknown[],
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  refuse: Refusal<T>,
) {
  const valid: { index: number; value: T }[] = [];
  const rejected: IngestRejection[] = [];
  items.forEach((item, index) => {
    const unstorable = unstorableText(item);
    if (unstorable) {
      rejected.push({ index, reason: unstorable });
      return;
    }
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      rejected.push({ index, reason: describeIssue(parsed.error) });
      return;
    }
    const refusal = refuse(parsed.data);
    if (refusal) rejected.push({ index, reason: refusal });
    else valid.push({ index, value: parsed.data });
  });
  return { valid, rejected };
}

function summarize(
  result: UpsertResult,
  rejected: IngestRejection[],
): IngestResult {
  const count = (o: string) => result.outcomes.filter(x => x === o).length;
  return {
    accepted: count('accepted'),
    updated: count('updated'),
    duplicates: count('duplicate'),
    rejected,
  };
}

const opt = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export function deploymentRow(d: ParsedDeployment): DeploymentRow {
  return {
    eventKey: `${d.source}:${d.id}`,
    source: d.source,
    externalId: d.id,
    entityRef: d.entityRef ? normalizeEntityRef(d.entityRef) : null,
    repository: opt(d.repository),
    environment: d.environment,
    status: d.status,
    kind: d.kind,
    startedAt: opt(d.startedAt),
    finishedAt: d.finishedAt,
    sha: opt(d.sha),
    rollbackOf: opt(d.rollbackOf),
    commits:
      d.commits?.map(c => ({
        sha: c.sha,
        committedAt: c.committedAt,
        authoredAt: opt(c.authoredAt),
        // Stored only when true, so a human commit's row stays as it was.
        ...(c.automated ? { automated: true as const } : {}),
        ...(c.revertOf ? { revertOf: c.revertOf } : {}),
        ...(c.pullRequest
          ? { pullRequest: pullRequestRow(c.pullRequest) }
          : {}),
      })) ?? null,
    url: opt(d.url),
  };
}

export function incidentRow(i: ParsedIncident): IncidentRow {
  return {
    eventKey: `${i.source}:${i.id}`,
    source: i.source,
    externalId: i.id,
    entityRef: i.entityRef ? normalizeEntityRef(i.entityRef) : null,
    service: opt(i.service),
    title: opt(i.title),
    severity: opt(i.severity),
    startedAt: i.startedAt,
    resolvedAt: i.resolvedAt ?? null,
    causeDeploymentId: opt(i.causeDeploymentId),
    causeSha: opt(i.causeSha),
    url: opt(i.url),
    reopenedAt: opt(i.reopenedAt),
  };
}

export function changeRow(c: ParsedChange): ChangeRow {
  return {
    source: c.source,
    repository: c.repository,
    sha: c.sha,
    committedAt: c.committedAt,
    authoredAt: opt(c.authoredAt),
    parents: c.parents ?? [],
    automated: c.automated ?? false,
    revertOf: opt(c.revertOf),
    revertOfPullRequest: opt(c.revertOfPullRequest),
    pullRequest: c.pullRequest ? pullRequestRow(c.pullRequest) : null,
  };
}

function pullRequestRow(
  pr: NonNullable<ParsedChange['pullRequest']>,
): NonNullable<ChangeRow['pullRequest']> {
  return {
    number: pr.number,
    createdAt: opt(pr.createdAt),
    firstReviewAt: opt(pr.firstReviewAt),
    mergedAt: opt(pr.mergedAt),
    firstCommitAt: opt(pr.firstCommitAt),
  };
}

/**
 * The push API's work: validate each item, attribute it through the catalog
 * index, store the batch in one transaction, then derive the facts of every
 * entity it touched so that metrics are fresh when the call returns.
 */
export class IngestService {
  constructor(
    private readonly deps: {
      store: DoraStore;
      catalogIndex: CatalogIndexProvider;
      deriver: FactDeriver;
      logger: LoggerService;
      /** Which sources a push-API caller may write; everything without it. */
      sourcePolicy?: SourceWritePolicy;
      /** Kinds an item's `entityRef` may name. @default DEFAULT_ENTITY_KINDS */
      entityKinds?: readonly string[];
    },
  ) {}

  /**
   * The checks of a valid item that depend on configuration: the source
   * policy for a push-API `writer` (none for the plugin's own writers:
   * webhooks, backfill, modules), and the kinds an `entityRef` may name.
   */
  private refusal(writer?: PushWriter) {
    const policy = writer && this.deps.sourcePolicy;
    const kinds = new Set(
      (this.deps.entityKinds ?? DEFAULT_ENTITY_KINDS).map(k =>
        k.toLocaleLowerCase('en-US'),
      ),
    );
    return (item: { source: string; entityRef?: string }) => {
      const bySource = policy
        ? policy.refusal(writer.subject, item.source)
        : null;
      if (bySource || !item.entityRef) return bySource;
      const kind = normalizeEntityRef(item.entityRef).split(':')[0];
      return kinds.has(kind)
        ? null
        : `entityRef: kind '${kind}' cannot own deployments or incidents (dora.ingest.entityKinds: ${[
            ...kinds,
          ].join(', ')})`;
    };
  }

  /** `writer`: the push-API caller, whose sources are checked. */
  async ingestDeployments(
    body: unknown,
    writer?: PushWriter,
  ): Promise<IngestResult> {
    return this.ingestAttributed(
      'deployments',
      body,
      writer,
      deploymentSchema,
      deploymentRow,
      items => this.deps.store.upsertDeployments(items),
    );
  }

  async ingestIncidents(
    body: unknown,
    writer?: PushWriter,
  ): Promise<IngestResult> {
    return this.ingestAttributed(
      'incidents',
      body,
      writer,
      incidentSchema,
      incidentRow,
      items => this.deps.store.upsertIncidents(items),
    );
  }

  /** Deployments and incidents: validated, attributed, stored, derived. */
  private async ingestAttributed<
    P extends { source: string; entityRef?: string },
    R extends Parameters<typeof attributeEvent>[1],
  >(
    field: string,
    body: unknown,
    writer: PushWriter | undefined,
    schema: z.ZodType<P, z.ZodTypeDef, unknown>,
    toRow: (parsed: P) => R,
    upsert: (items: Attributed<R>[]) => Promise<UpsertResult>,
  ): Promise<IngestResult> {
    const { items, rejected } = await this.prepareAttributed(
      batchOf(body, field),
      schema,
      toRow,
      this.refusal(writer),
    );
    return this.finish(field, await upsert(items), rejected);
  }

  private async prepareAttributed<
    P extends { source: string; entityRef?: string },
    R extends Parameters<typeof attributeEvent>[1],
  >(
    list: unknown[],
    schema: z.ZodType<P, z.ZodTypeDef, unknown>,
    toRow: (parsed: P) => R,
    refuse: Refusal<P> = this.refusal(),
  ) {
    const { valid, rejected } = validate(list, schema, refuse);
    const index = await this.deps.catalogIndex.get();
    const items = valid.map(v => {
      const row = toRow(v.value);
      return { row, attributions: attributeEvent(index, row) };
    });
    return { items, rejected };
  }

  /*
   * The same steps for a caller that writes in a transaction of its own
   * (merges of provider observations, see ObservationIngest): validate and
   * attribute with prepare*, write, then `finish` once it has committed.
   */

  prepareDeployments(list: unknown[]) {
    return this.prepareAttributed(list, deploymentSchema, deploymentRow);
  }

  /** Incidents merged from provider observations, which may carry `reopenedAt`. */
  prepareIncidents(list: unknown[]) {
    return this.prepareAttributed(list, observedIncidentSchema, incidentRow);
  }

  prepareChanges(
    list: unknown[],
    refuse: Refusal<{ source: string }> = this.refusal(),
  ) {
    const { valid, rejected } = validate(list, changeSchema, refuse);
    return { rows: valid.map(v => changeRow(v.value)), rejected };
  }

  async ingestChanges(
    body: unknown,
    writer?: PushWriter,
  ): Promise<IngestResult> {
    const { rows, rejected } = this.prepareChanges(
      batchOf(body, 'changes'),
      this.refusal(writer),
    );
    const result = await this.deps.store.upsertChanges(rows);
    return this.finish('changes', result, rejected);
  }

  /** Derives the facts of the entities a committed write touched. */
  async finish(
    kind: string,
    result: UpsertResult,
    rejected: IngestRejection[],
  ) {
    try {
      await this.deps.deriver.deriveEntities(result.affectedEntities);
    } catch (error) {
      // The events are stored and their entities stay dirty: the next
      // reconciliation derives them, so the push itself has succeeded.
      this.deps.logger.warn(
        `DORA: deriving facts after ingest failed, left to reconciliation: ${error}`,
      );
    }
    const summary = summarize(result, rejected);
    this.deps.logger.info(
      `DORA ingest ${kind}: ${summary.accepted} accepted, ${summary.updated} updated, ` +
        `${summary.duplicates} duplicates, ${rejected.length} rejected; ` +
        `${result.affectedEntities.length} entities derived`,
    );
    return summary;
  }
}

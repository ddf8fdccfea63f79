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

import { isCatalogRef } from '../attribution/attribute';
import {
  DEPLOYMENT_KINDS,
  DEPLOYMENT_STATUSES,
} from '@dora-metrics/plugin-dora-common';
import { z } from 'zod/v3';
import { parseTimestamp } from './timestamps';

const timestamp = z.string().transform((value, ctx) => {
  const parsed = parseTimestamp(value);
  if (typeof parsed === 'number') return parsed;
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.error });
  return z.NEVER;
});

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `longer than ${max} characters`);

// `source:id` is the event key, so a source must not contain the separator.
const source = text(100).regex(/^[^:\s]+$/, 'must not contain ":" or spaces');

const entityRef = text(400).refine(isCatalogRef, {
  message: 'not an entity ref (kind:namespace/name, by the catalog rules)',
});

const oneOf = <T extends string>(values: readonly T[]) =>
  z.string().refine((v): v is T => values.includes(v as T), {
    message: `must be one of ${values.join(', ')}`,
  }) as unknown as z.ZodType<T, z.ZodTypeDef, string>;

// A reverted commit as git names it: full, or abbreviated to 7 or more.
const revertedSha = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{7,64}$/, 'must be a commit sha (7 to 64 hex digits)')
  .transform(sha => sha.toLowerCase());

// Pull request numbers are stored in 32-bit integer columns; a larger number is a mistake.
const prNumber = z
  .number()
  .int()
  .positive()
  .max(2_147_483_647, 'larger than 2147483647');

const pullRequest = z
  .object({
    number: prNumber,
    createdAt: timestamp.optional(),
    firstReviewAt: timestamp.optional(),
    mergedAt: timestamp.optional(),
    // The pull request's earliest commit, e.g. of the commits a squash replaced.
    firstCommitAt: timestamp.optional(),
  })
  .strict();

export const deploymentSchema = z
  .object({
    source,
    id: text(255),
    entityRef: entityRef.optional(),
    repository: text(400).optional(),
    environment: text(255),
    status: oneOf(DEPLOYMENT_STATUSES),
    startedAt: timestamp.optional(),
    finishedAt: timestamp,
    sha: text(255).optional(),
    commits: z
      .array(
        z
          .object({
            sha: text(255),
            committedAt: timestamp,
            authoredAt: timestamp.optional(),
            automated: z.boolean().optional(),
            revertOf: revertedSha.optional(),
            pullRequest: pullRequest.optional(),
          })
          .strict(),
      )
      .max(10_000)
      .optional(),
    rollbackOf: text(400).optional(),
    kind: oneOf(DEPLOYMENT_KINDS).default('planned'),
    url: text(2000).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (!d.entityRef && !d.repository) {
      ctx.addIssue({
        code: 'custom',
        path: ['entityRef'],
        message: 'either entityRef or repository is required',
      });
    }
    if (d.startedAt !== undefined && d.startedAt > d.finishedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['startedAt'],
        message: 'is after finishedAt',
      });
    }
  });

export const changeSchema = z
  .object({
    source,
    repository: text(400),
    sha: text(255),
    committedAt: timestamp,
    authoredAt: timestamp.optional(),
    parents: z.array(text(255)).max(100).optional(),
    // Made by a bot: shipped and counted, but no lead-time sample by default.
    automated: z.boolean().optional(),
    revertOf: revertedSha.optional(),
    revertOfPullRequest: prNumber.optional(),
    pullRequest: pullRequest.optional(),
  })
  .strict();

const incidentObject = z
  .object({
    source,
    id: text(255),
    entityRef: entityRef.optional(),
    service: text(255).optional(),
    title: text(1000).optional(),
    severity: text(100).optional(),
    startedAt: timestamp,
    resolvedAt: timestamp.nullable().optional(),
    causeDeploymentId: text(400).optional(),
    causeSha: text(255).optional(),
    url: text(2000).optional(),
  })
  .strict();

function checkIncident(
  i: z.output<typeof incidentObject>,
  ctx: z.RefinementCtx,
) {
  if (!i.entityRef && !i.service) {
    ctx.addIssue({
      code: 'custom',
      path: ['entityRef'],
      message: 'either entityRef or service is required',
    });
  }
  if (typeof i.resolvedAt === 'number' && i.resolvedAt < i.startedAt) {
    ctx.addIssue({
      code: 'custom',
      path: ['resolvedAt'],
      message: 'is before startedAt',
    });
  }
}

export const incidentSchema = incidentObject.superRefine(checkIncident);

/**
 * An incident merged from provider observations (see ObservationIngest):
 * also when it was last reopened, which the push API does not take (a
 * pushed incident is its whole state).
 */
export const observedIncidentSchema = incidentObject
  .extend({ reopenedAt: timestamp.optional() })
  .superRefine(checkIncident);

export type ParsedDeployment = z.output<typeof deploymentSchema>;
export type ParsedChange = z.output<typeof changeSchema>;
export type ParsedIncident = z.output<typeof incidentSchema> & {
  reopenedAt?: number;
};

/** `field.path: reason` for the first problem, as the API reports it. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    return `${issue.keys.join(', ')}: unknown field${
      issue.keys.length > 1 ? 's' : ''
    }`;
  }
  const path = issue.path.join('.') || 'item';
  const message =
    issue.code === 'invalid_type' && issue.received === 'undefined'
      ? 'required'
      : issue.message;
  return `${path}: ${message}`;
}

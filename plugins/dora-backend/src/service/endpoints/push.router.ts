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

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { doraEventsCreatePermission } from '@dora-metrics/plugin-dora-common';
import { PushWriter } from '../../ingest/IngestService';
import { Authorize } from '../authorize';
import { EndpointDeps, DoraRouter } from './types';

/**
 * `POST /v1/deployments`, `/v1/changes` and `/v1/incidents`: service
 * principals with `dora.events.create`. The validated router has checked the
 * envelope; IngestService checks the items one by one, so a bad item is
 * reported in `rejected` while the others are stored.
 */
export function bindPushEndpoints(
  router: DoraRouter,
  { authorize, auditor, ingest }: EndpointDeps,
) {
  /** Authorizes the caller and opens the push's audit event. */
  const begin = async (
    req: Parameters<Authorize>[0],
    kind: 'deployments' | 'changes' | 'incidents',
    items: number,
  ) => {
    const writer = writerOf(
      await authorize(req, doraEventsCreatePermission, ['service']),
    );
    const audit = await auditor.createEvent({
      eventId: 'dora-events-push',
      severityLevel: 'medium',
      request: req,
      meta: { kind, items },
    });
    return { writer, audit };
  };

  router.post('/v1/deployments', async (req, res) => {
    const { body } = req;
    const { writer, audit } = await begin(
      req,
      'deployments',
      body.deployments.length,
    );
    res.json(
      await audited(audit, () => ingest.ingestDeployments(body, writer)),
    );
  });

  router.post('/v1/changes', async (req, res) => {
    const { body } = req;
    const { writer, audit } = await begin(req, 'changes', body.changes.length);
    res.json(await audited(audit, () => ingest.ingestChanges(body, writer)));
  });

  router.post('/v1/incidents', async (req, res) => {
    const { body } = req;
    const { writer, audit } = await begin(
      req,
      'incidents',
      body.incidents.length,
    );
    res.json(await audited(audit, () => ingest.ingestIncidents(body, writer)));
  });
}

/** The service principal's subject (a static token's `subject`). */
function writerOf(credentials: BackstageCredentials): PushWriter {
  const principal = credentials.principal as { subject?: string };
  return { subject: principal.subject ?? '' };
}

type AuditEvent = Awaited<ReturnType<EndpointDeps['auditor']['createEvent']>>;

/** Runs a push and records its counts, or its failure, in the audit log. */
async function audited<T extends { rejected: unknown[] }>(
  audit: AuditEvent,
  push: () => Promise<T>,
): Promise<T> {
  try {
    const result = await push();
    const { rejected, ...counts } = result;
    await audit.success({ meta: { ...counts, rejected: rejected.length } });
    return result;
  } catch (error) {
    await audit.fail({ error: error as Error });
    throw error;
  }
}

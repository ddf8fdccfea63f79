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

import { IngestResult, MAX_BATCH_SIZE } from '@dora-metrics/plugin-dora-common';
import { DoraIngestConnection } from '@dora-metrics/plugin-dora-node';
import { IngestService } from '../ingest/IngestService';

/**
 * Sends a list in push API sized batches, one after the other (each is one
 * transaction), and adds up their results; rejections are renumbered to
 * index the whole list.
 */
async function inBatches<T>(
  items: T[],
  push: (batch: T[]) => Promise<IngestResult>,
): Promise<IngestResult> {
  const total: IngestResult = {
    accepted: 0,
    updated: 0,
    duplicates: 0,
    rejected: [],
  };
  for (let start = 0; start < items.length; start += MAX_BATCH_SIZE) {
    const result = await push(items.slice(start, start + MAX_BATCH_SIZE));
    total.accepted += result.accepted;
    total.updated += result.updated;
    total.duplicates += result.duplicates;
    for (const r of result.rejected) {
      total.rejected.push({ index: start + r.index, reason: r.reason });
    }
  }
  return total;
}

/**
 * The connection handed to ingest providers: the push API's own ingest
 * service, wrapped in the request bodies it validates, so that a module's
 * events get the same validation, attribution and derivation as a push.
 */
export function createIngestConnection(
  ingest: IngestService,
): DoraIngestConnection {
  return {
    pushChanges: changes =>
      inBatches(changes, batch => ingest.ingestChanges({ changes: batch })),
    pushDeployments: deployments =>
      inBatches(deployments, batch =>
        ingest.ingestDeployments({ deployments: batch }),
      ),
    pushIncidents: incidents =>
      inBatches(incidents, batch =>
        ingest.ingestIncidents({ incidents: batch }),
      ),
  };
}

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

import { deploymentRow, incidentRow } from '../ingest/IngestService';
import { deploymentSchema, incidentSchema } from '../ingest/schemas';
import { deriveEntityFacts } from '../metrics/deriveFacts';
import { Attribution } from '../attribution/attribute';
import { StoredHistory } from '../database/types';
import { workedExample } from './workedExample';

/** The worked example's events as the store takes them, each attributed so. */
export function workedExampleRows(attributions: Attribution[]) {
  return {
    deployments: workedExample.deployments.map(d => ({
      row: deploymentRow(deploymentSchema.parse(d)),
      attributions,
    })),
    incidents: workedExample.incidents.map(i => ({
      row: incidentRow(incidentSchema.parse(i)),
      attributions,
    })),
  };
}

/** A stored history with the facts derived from it, for `replaceFacts`. */
export const derived = (stored: StoredHistory) => ({
  stored,
  facts: deriveEntityFacts(stored.history, {
    incidentLinkWindowMs: null,
    includeAutomated: false,
  }),
});

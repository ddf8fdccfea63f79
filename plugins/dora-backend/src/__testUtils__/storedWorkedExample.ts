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
  facts: deriveEntityFacts(stored.history, { incidentLinkWindowMs: null }),
});

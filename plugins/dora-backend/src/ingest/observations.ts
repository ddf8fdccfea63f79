import { Observations } from '@dora-metrics/plugin-dora-node';

// The observation types are public (backfill sources of modules return
// them), so they live in the node library; the plugin's code imports them
// from here with the empty value below.
export type {
  DeploymentObservation,
  IncidentObservation,
  Observations,
  PullRequestObservation,
  RepositoryIncidentObservation,
} from '@dora-metrics/plugin-dora-node';

export const noObservations = (): Observations => ({
  deployments: [],
  changes: [],
  incidents: [],
  repositoryIncidents: [],
  pullRequests: [],
});

import {
  ChangeInput,
  DeploymentInput,
  DeploymentStatus,
  IncidentInput,
} from '@dora-metrics/plugin-dora-common';

/**
 * A deployment as one provider event (or API answer) shows it. `running`
 * covers every state that is not final (queued, pending, in progress...):
 * such a state never overwrites a final one and creates nothing on its own.
 */
export type DeploymentObservation = {
  deployment: Omit<DeploymentInput, 'status' | 'finishedAt'> & {
    status: DeploymentStatus | 'running';
  };
  /** Provider time at which the deployment was in this state. */
  observedAt: string;
};

/** An incident as one provider event shows it. */
export type IncidentObservation = {
  incident: IncidentInput;
  /** Provider time of the event. */
  observedAt: string;
};

/**
 * An incident known by repository and number (GitHub issue, GitLab
 * incident): the ingest resolves the repository to entities, since incidents
 * are otherwise matched by PagerDuty service.
 */
export type RepositoryIncidentObservation = {
  repository: string;
  incident: Omit<IncidentInput, 'entityRef' | 'service'>;
  observedAt: string;
};

/** What one event tells of a pull / merge request. */
export type PullRequestObservation = {
  source: string;
  repository: string;
  number: number;
  createdAt?: string;
  /** A review by someone other than the author. */
  reviewedAt?: string;
  mergedAt?: string;
  /** The commit the merge put on the target branch. */
  mergeSha?: string;
};

/** Everything one webhook delivery or one API page yields. */
export type Observations = {
  deployments: DeploymentObservation[];
  changes: ChangeInput[];
  incidents: IncidentObservation[];
  repositoryIncidents: RepositoryIncidentObservation[];
  pullRequests: PullRequestObservation[];
};

export const noObservations = (): Observations => ({
  deployments: [],
  changes: [],
  incidents: [],
  repositoryIncidents: [],
  pullRequests: [],
});

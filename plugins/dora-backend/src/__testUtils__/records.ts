import { DeploymentRecord } from '../metrics/types';

export const t = (iso: string) => Date.parse(iso);

/** A successful production deployment record; `sha` defaults to the id. */
export const deploymentRecord = (
  id: string,
  finishedAt: string,
  extra: Partial<DeploymentRecord> = {},
): DeploymentRecord => ({
  key: `ci:${id}`,
  source: 'ci',
  externalId: id,
  environment: 'production',
  status: 'success',
  kind: 'planned',
  finishedAt: t(finishedAt),
  sha: id,
  repository: 'acme/checkout',
  rollbackOf: null,
  commits: null,
  ...extra,
});

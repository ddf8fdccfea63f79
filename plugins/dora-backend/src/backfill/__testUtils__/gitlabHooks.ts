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

import {
  deployment,
  GITLAB_PROJECT,
  incident,
  mergeRequest,
  notes,
} from './fakeGitlab';

const project = {
  id: 30,
  path_with_namespace: GITLAB_PROJECT,
  default_branch: 'main',
};

/*
 * The webhook deliveries GitLab sends for the fake API's objects, in the
 * webhook's own shapes (times in its older `2026-03-01 05:00:00 UTC` form).
 */
const hookTime = (iso: string) =>
  iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

export function deploymentHook(id: number) {
  const d = deployment(id);
  return {
    object_kind: 'deployment',
    status: d.status,
    status_changed_at: hookTime(d.finished_at),
    deployment_id: d.id,
    deployable_url: d.deployable.web_url,
    environment: d.environment.name,
    project,
    short_sha: d.sha.slice(0, 8),
    commit_url: `https://gitlab.example.com/${GITLAB_PROJECT}/-/commit/${d.sha}`,
  };
}

export function mergeRequestHook(iid: number, action: string, userId: number) {
  const mr = mergeRequest(iid);
  const time =
    action === 'merge' ? mr.merged_at : notes(iid).at(-1)!.created_at;
  return {
    object_kind: 'merge_request',
    user: {
      id: userId,
      username: userId === mr.author.id ? mr.author.username : 'reviewer',
    },
    project,
    object_attributes: {
      iid,
      target_branch: 'main',
      author_id: mr.author.id,
      created_at: hookTime(mr.created_at),
      updated_at: hookTime(time),
      state: action === 'merge' ? 'merged' : 'opened',
      action,
      merge_commit_sha: mr.merge_commit_sha,
      squash_commit_sha: mr.squash_commit_sha,
      last_commit: { id: mr.sha },
    },
  };
}

export function incidentHook(iid: number, action: string) {
  const issue = incident(iid);
  return {
    object_kind: 'issue',
    project,
    object_attributes: {
      iid,
      title: issue.title,
      type: 'Incident',
      severity: issue.severity.toLowerCase(),
      state: issue.state,
      action,
      created_at: hookTime(issue.created_at),
      updated_at: hookTime(issue.updated_at),
      closed_at: issue.closed_at ? hookTime(issue.closed_at) : null,
      url: issue.web_url,
    },
  };
}

/** The same instants written alike: the webhooks and the API format times differently. */
export function instants<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, v) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)
      ? new Date(v).toISOString()
      : v,
  );
}

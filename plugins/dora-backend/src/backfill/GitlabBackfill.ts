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

import { annotatedRepositories } from './annotatedRepositories';
import {
  BackfillJob,
  BackfillPage,
  BackfillSource,
  DoraCatalogIndex,
} from '@dora-metrics/plugin-dora-node';
import { GITLAB_PROJECT_SLUG_ANNOTATION } from '@dora-metrics/plugin-dora-common';
import { IsAutomatedAuthor } from '../ingest/automatedAuthors';
import { noObservations } from '../ingest/observations';
import { Json, list, obj, str } from '../webhooks/payloads';
import { gitlabGet } from './gitlabAccess';
import {
  commitChanges,
  deploymentObservations,
  firstReviewAt,
  GitlabAccess,
  incidentObservations,
  mergeRequestObservations,
  nextPageUrl,
  pagesTotal,
  projectPath,
} from './gitlabApi';
import { GitlabPullRequestCommitReader } from './GitlabPullRequestCommitReader';
import { ProviderHttp } from './ProviderHttp';

type PageCursor = { url: string } | null;

const PER_PAGE = 100;
/** A time as an ISO 8601 query parameter. */
const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
// Each merge request costs two more requests (notes, commits): smaller
// pages save progress more often.
const MERGE_REQUESTS_PER_PAGE = 20;

/**
 * GitLab history of each `gitlab.com/project-slug` project in four steps:
 * deployments to production environments, the default branch's commits,
 * merged merge requests with their commits and first review, and incident
 * issues. Each step lists what changed since the run's `since`, newest
 * first, and saves the next page's URL as its cursor.
 */
export class GitlabBackfill implements BackfillSource {
  readonly source = 'gitlab';
  readonly steps = [
    'deployments',
    'commits',
    'merge-requests',
    'incidents',
  ] as const;
  private readonly commitReader: GitlabPullRequestCommitReader;
  private readonly defaultBranches = new Map<string, string | undefined>();

  constructor(
    private readonly deps: {
      http: ProviderHttp;
      access: GitlabAccess;
      /** Production environment names (lower case) for a project. */
      productionEnvironments: (repository: string) => Promise<string[]>;
      /** `dora.automatedAuthors`; the default patterns when not given. */
      isAutomated?: IsAutomatedAuthor;
    },
  ) {
    this.commitReader = new GitlabPullRequestCommitReader(deps);
  }

  targets(index: DoraCatalogIndex): string[] {
    return annotatedRepositories(index, GITLAB_PROJECT_SLUG_ANNOTATION);
  }

  fetchPage(job: BackfillJob, signal?: AbortSignal): Promise<BackfillPage> {
    switch (job.step) {
      case 'deployments':
        return this.deployments(job, signal);
      case 'commits':
        return this.commits(job, signal);
      case 'merge-requests':
        return this.mergeRequests(job, signal);
      case 'incidents':
        return this.incidents(job, signal);
      default:
        throw new Error(`unknown GitLab backfill step ${job.step}`);
    }
  }

  private get(repository: string, url: string, signal?: AbortSignal) {
    return gitlabGet(this.deps.http, this.deps.access, repository, url, signal);
  }

  private async projectUrl(repository: string, path: string) {
    const target = await this.deps.access(repository);
    if (!target) throw new Error(`no GitLab credentials for ${repository}`);
    return `${target.apiBaseUrl}${projectPath(repository)}${path}`;
  }

  /** The page at the cursor, else the step's first page. */
  private async page(job: BackfillJob, path: string, signal?: AbortSignal) {
    const url =
      (job.cursor as PageCursor)?.url ??
      (await this.projectUrl(job.target, path));
    const page = await this.get(job.target, url, signal);
    const next = nextPageUrl(url, page.headers);
    return {
      items: list(page.body).map(obj),
      cursor: next ? { url: next } : null,
      pagesTotal: pagesTotal(page.headers),
    };
  }

  private async defaultBranch(repository: string, signal?: AbortSignal) {
    if (!this.defaultBranches.has(repository)) {
      const project = await this.get(
        repository,
        await this.projectUrl(repository, ''),
        signal,
      );
      this.defaultBranches.set(
        repository,
        str(obj(project.body)?.default_branch),
      );
    }
    return this.defaultBranches.get(repository);
  }

  private async deployments(job: BackfillJob, signal?: AbortSignal) {
    const production = new Set(
      await this.deps.productionEnvironments(job.target),
    );
    const page = await this.page(
      job,
      `/deployments?updated_after=${iso(job.since)}` +
        `&order_by=updated_at&sort=desc&per_page=${PER_PAGE}`,
      signal,
    );
    const out = noObservations();
    for (const d of page.items) {
      const environment = str(obj(d?.environment)?.name);
      if (!d || !environment) continue;
      if (!production.has(environment.toLocaleLowerCase('en-US'))) continue;
      out.deployments.push(
        ...deploymentObservations(job.target, d, this.deps.isAutomated),
      );
    }
    return { ...page, observations: out, items: page.items.length };
  }

  /** The default branch's commits (the API's default ref), with parents. */
  private async commits(job: BackfillJob, signal?: AbortSignal) {
    const page = await this.page(
      job,
      `/repository/commits?since=${iso(job.since)}&per_page=${PER_PAGE}`,
      signal,
    );
    const out = noObservations();
    out.changes.push(
      ...commitChanges(job.target, page.items, {
        isAutomated: this.deps.isAutomated,
      }),
    );
    return { ...page, observations: out, items: page.items.length };
  }

  private async mergeRequests(job: BackfillJob, signal?: AbortSignal) {
    const repo = job.target;
    const defaultBranch = await this.defaultBranch(repo, signal);
    const branch = defaultBranch
      ? `&target_branch=${encodeURIComponent(defaultBranch)}`
      : '';
    const page = await this.page(
      job,
      `/merge_requests?state=merged${branch}&updated_after=${iso(job.since)}` +
        `&order_by=updated_at&sort=desc&per_page=${MERGE_REQUESTS_PER_PAGE}`,
      signal,
    );
    const out = noObservations();
    for (const mr of page.items) {
      if (!mr || typeof mr.iid !== 'number') continue;
      const observations = mergeRequestObservations(
        repo,
        defaultBranch,
        mr,
        await this.reviewNotes(repo, mr, signal),
        this.deps.isAutomated,
      );
      if (observations.length === 0) continue;
      out.pullRequests.push(...observations);
      const commits = await this.commitReader.commitsOf(
        { source: this.source, repository: repo, number: mr.iid },
        signal,
      );
      out.changes.push(...(commits ?? []));
    }
    return { ...page, observations: out, items: page.items.length };
  }

  /** Notes oldest first, pages read until one is a review. */
  private async reviewNotes(repo: string, mr: Json, signal?: AbortSignal) {
    const notes: unknown[] = [];
    let url: string | undefined = await this.projectUrl(
      repo,
      `/merge_requests/${mr.iid}/notes?sort=asc&order_by=created_at&per_page=${PER_PAGE}`,
    );
    while (url && !firstReviewAt(mr, notes)) {
      const page = await this.get(repo, url, signal);
      notes.push(...list(page.body));
      url = nextPageUrl(url, page.headers);
    }
    return notes;
  }

  private async incidents(job: BackfillJob, signal?: AbortSignal) {
    const page = await this.page(
      job,
      `/issues?issue_type=incident&updated_after=${iso(job.since)}` +
        `&order_by=updated_at&sort=desc&per_page=${PER_PAGE}`,
      signal,
    );
    const out = noObservations();
    for (const issue of page.items) {
      if (!issue) continue;
      out.repositoryIncidents.push(
        ...incidentObservations(job.target, issue, this.deps.isAutomated),
      );
    }
    return { ...page, observations: out, items: page.items.length };
  }
}

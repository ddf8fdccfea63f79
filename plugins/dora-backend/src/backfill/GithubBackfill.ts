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
import { IsAutomatedAuthor } from '../ingest/automatedAuthors';
import {
  BackfillJob,
  BackfillPage,
  BackfillSource,
  DoraCatalogIndex,
} from '@dora-metrics/plugin-dora-node';
import { ResponseError } from '@backstage/errors';
import { GITHUB_PROJECT_SLUG_ANNOTATION } from '@dora-metrics/plugin-dora-common';
import { noObservations } from '../ingest/observations';
import { StoredEvents } from '../database/storedEvents';
import { list, obj, str } from '../webhooks/payloads';
import {
  compareCommits,
  deploymentObservations,
  mergedPullRequest,
} from './githubApi';
import { lastPageNumber, linkUrl, ProviderHttp } from './ProviderHttp';
import { GithubAccess } from './githubAccess';
import { readGithubPullRequestCommits } from './GithubPullRequestCommits';

export type { GithubAccess } from './githubAccess';

type CommitsCursor = { done: string | null; url?: string };

const PER_PAGE = 100;

/**
 * GitHub history of each annotated repository in three steps: deployments
 * with their statuses, the commits between consecutive deployed shas (compare
 * API), and merged pull requests with their first review and their commits
 * (`pulls/{n}/commits`, every page). Each page goes
 * newest first and stops at the run's `since`.
 */
export class GithubBackfill implements BackfillSource {
  readonly source = 'github';
  readonly steps = ['deployments', 'commits', 'pull-requests'] as const;

  constructor(
    private readonly deps: {
      http: ProviderHttp;
      access: GithubAccess;
      stored: StoredEvents;
      /** Production environment names (lower case) for a repository. */
      productionEnvironments: (repository: string) => Promise<string[]>;
      /** `dora.automatedAuthors`; the default patterns when not given. */
      isAutomated?: IsAutomatedAuthor;
    },
  ) {}

  targets(index: DoraCatalogIndex): string[] {
    return annotatedRepositories(index, GITHUB_PROJECT_SLUG_ANNOTATION);
  }

  fetchPage(job: BackfillJob, signal?: AbortSignal): Promise<BackfillPage> {
    switch (job.step) {
      case 'deployments':
        return this.deployments(job, signal);
      case 'commits':
        return this.commits(job, signal);
      case 'pull-requests':
        return this.pullRequests(job, signal);
      default:
        throw new Error(`unknown GitHub backfill step ${job.step}`);
    }
  }

  private async get(repository: string, url: string, signal?: AbortSignal) {
    const { headers } = await this.deps.access(repository);
    return this.deps.http.getJson(
      url,
      { Accept: 'application/vnd.github+json', ...headers },
      signal,
    );
  }

  private async firstUrl(repository: string, path: string) {
    const { apiBaseUrl } = await this.deps.access(repository);
    return `${apiBaseUrl.replace(/\/$/, '')}/repos/${repository}${path}`;
  }

  private async deployments(job: BackfillJob, signal?: AbortSignal) {
    const repo = job.target;
    const url =
      (job.cursor as { url?: string } | null)?.url ??
      (await this.firstUrl(repo, `/deployments?per_page=${PER_PAGE}`));
    const page = await this.get(repo, url, signal);
    const out = noObservations();
    const deployments = list(page.body).map(obj);
    let reachedSince = false;
    for (const d of deployments) {
      const createdAt = Date.parse(str(d?.created_at) ?? '');
      if (!d || !(createdAt >= job.since)) {
        reachedSince = true;
        continue;
      }
      const statuses = await this.get(
        repo,
        await this.firstUrl(
          repo,
          `/deployments/${d.id}/statuses?per_page=${PER_PAGE}`,
        ),
        signal,
      );
      out.deployments.push(
        ...deploymentObservations(repo, d, list(statuses.body)),
      );
    }
    const next = linkUrl(page.headers.get('link'), 'next');
    return {
      observations: out,
      cursor: next && !reachedSince ? { url: next } : null,
      pagesTotal: lastPageNumber(page.headers.get('link')),
      items: deployments.length,
    };
  }

  /** Consecutive deployed shas per production environment, oldest first. */
  private async deployedPairs(job: BackfillJob): Promise<string[]> {
    const production = new Set(
      await this.deps.productionEnvironments(job.target),
    );
    const lastByEnvironment = new Map<string, string>();
    const pairs: string[] = [];
    for (const d of await this.deps.stored.deployedShas('github', job.target)) {
      const env = d.environment.toLocaleLowerCase('en-US');
      if (!production.has(env)) continue;
      const previous = lastByEnvironment.get(env);
      lastByEnvironment.set(env, d.sha);
      if (!previous || previous === d.sha || d.finishedAt < job.since) continue;
      const pair = `${previous}...${d.sha}`;
      if (!pairs.includes(pair)) pairs.push(pair);
    }
    return pairs;
  }

  private async commits(job: BackfillJob, signal?: AbortSignal) {
    const repo = job.target;
    const cursor = (job.cursor as CommitsCursor | null) ?? { done: null };
    const pairs = await this.deployedPairs(job);
    const current = cursor.done ? pairs.indexOf(cursor.done) + 1 : 0;
    const out = noObservations();
    if (current >= pairs.length)
      return { observations: out, cursor: null, items: 0 };
    const pair = pairs[current];
    const url =
      cursor.url ??
      (await this.firstUrl(repo, `/compare/${pair}?per_page=${PER_PAGE}`));
    let next: string | undefined;
    try {
      const page = await this.get(repo, url, signal);
      out.changes.push(
        ...compareCommits(repo, page.body, this.deps.isAutomated),
      );
      next = linkUrl(page.headers.get('link'), 'next');
    } catch (error) {
      // A sha that no longer exists (force push) leaves that pair unknown.
      if (!(error instanceof ResponseError && error.statusCode === 404))
        throw error;
    }
    let nextCursor: CommitsCursor | null = { done: pair };
    if (next) nextCursor = { done: cursor.done, url: next };
    else if (current === pairs.length - 1) nextCursor = null;
    return {
      observations: out,
      cursor: nextCursor,
      pagesTotal: pairs.length,
      items: out.changes.length,
    };
  }

  private async pullRequests(job: BackfillJob, signal?: AbortSignal) {
    const repo = job.target;
    const url =
      (job.cursor as { url?: string } | null)?.url ??
      (await this.firstUrl(
        repo,
        `/pulls?state=closed&sort=updated&direction=desc&per_page=${PER_PAGE}`,
      ));
    const page = await this.get(repo, url, signal);
    const out = noObservations();
    const pulls = list(page.body).map(obj);
    let reachedSince = false;
    for (const pull of pulls) {
      if (!pull) continue;
      if (Date.parse(str(pull.updated_at) ?? '') < job.since) {
        reachedSince = true;
        continue;
      }
      const base = obj(pull.base);
      const target = str(base?.ref);
      const defaultBranch = str(obj(base?.repo)?.default_branch);
      if (!str(pull.merged_at) || (defaultBranch && target !== defaultBranch))
        continue;
      const reviews = await this.get(
        repo,
        await this.firstUrl(
          repo,
          `/pulls/${pull.number}/reviews?per_page=${PER_PAGE}`,
        ),
        signal,
      );
      const observation = mergedPullRequest(
        repo,
        pull,
        list(reviews.body),
        this.deps.isAutomated,
      );
      if (!observation) continue;
      out.pullRequests.push(observation);
      // Its commits (branch commits, the ones a squash replaced) with the
      // page: a stopped run reads the page again, so none is left out.
      out.changes.push(
        ...(await readGithubPullRequestCommits(
          this.deps,
          repo,
          observation.number,
          signal,
        )),
      );
    }
    const next = linkUrl(page.headers.get('link'), 'next');
    return {
      observations: out,
      cursor: next && !reachedSince ? { url: next } : null,
      pagesTotal: lastPageNumber(page.headers.get('link')),
      items: pulls.length,
    };
  }
}

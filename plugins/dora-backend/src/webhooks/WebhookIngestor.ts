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

import { LoggerService } from '@backstage/backend-plugin-api';
import { ChangeInput } from '@dora-metrics/plugin-dora-common';
import { EventParams } from '@backstage/plugin-events-node';
import { ObservationIngest } from '../ingest/ObservationIngest';
import { Observations } from '../ingest/observations';
import { WebhookDeliveryStore } from '../database/webhookDeliveries';
import {
  automatedAuthorMatcher,
  IsAutomatedAuthor,
} from '../ingest/automatedAuthors';
import { mapGithubEvent } from './github';
import { mapGitlabEvent } from './gitlab';
import { mapPagerDutyEvent } from './pagerduty';
import { noObservations } from '../ingest/observations';
import { PullRequestCommitReader } from '../ingest/pullRequestCommits';
import {
  githubMergedPullRequest,
  gitlabMergedPullRequest,
  headBranchCommits,
  MergedPullRequestDelivery,
} from './mergedPullRequest';
import { obj, str } from './payloads';

/** Events-backend topics the plugin subscribes to: one per provider ingress. */
export const WEBHOOK_TOPICS = ['github', 'gitlab', 'pagerduty'] as const;

type Metadata = EventParams['metadata'];

const header = (metadata: Metadata, name: string) => {
  const value = metadata?.[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The provider's id of one delivery, which a redelivery repeats. */
export function deliveryIdOf(
  topic: string,
  payload: unknown,
  metadata: Metadata,
): string | undefined {
  switch (topic) {
    case 'github':
      return header(metadata, 'x-github-delivery');
    case 'gitlab':
      return (
        header(metadata, 'idempotency-key') ??
        header(metadata, 'x-gitlab-event-uuid')
      );
    case 'pagerduty':
      return (
        str(obj(obj(payload)?.event)?.id) ?? header(metadata, 'x-webhook-id')
      );
    default:
      return undefined;
  }
}

function observe(
  params: EventParams,
  isAutomated: IsAutomatedAuthor,
): Observations | undefined {
  switch (params.topic) {
    case 'github': {
      const event = header(params.metadata, 'x-github-event');
      return event
        ? mapGithubEvent(event, params.eventPayload, isAutomated)
        : undefined;
    }
    case 'gitlab':
      return mapGitlabEvent(params.eventPayload, isAutomated);
    case 'pagerduty':
      return mapPagerDutyEvent(params.eventPayload);
    default:
      return undefined;
  }
}

/** The pull / merge request a delivery says was merged, if it says so. */
function mergedPullRequestOf(
  params: EventParams,
): MergedPullRequestDelivery | undefined {
  switch (params.topic) {
    case 'github':
      return githubMergedPullRequest(
        header(params.metadata, 'x-github-event'),
        params.eventPayload,
      );
    case 'gitlab':
      return gitlabMergedPullRequest(params.eventPayload);
    default:
      return undefined;
  }
}

const isEmpty = (o: Observations) =>
  Object.values(o).every((items: unknown[]) => items.length === 0);

/**
 * Turns webhook deliveries, already authenticated by the events backend's
 * ingress validators, into stored events. A delivery id seen before is
 * skipped; everything else is merged with what is stored, so deliveries may
 * come in any order.
 */
export class WebhookIngestor {
  constructor(
    private readonly deps: {
      observations: ObservationIngest;
      deliveries: WebhookDeliveryStore;
      logger: LoggerService;
      /** `dora.automatedAuthors`; the default patterns when not given. */
      isAutomated?: IsAutomatedAuthor;
      /** Readers of a merged pull request's commits, by `source`. */
      pullRequestCommits?: readonly PullRequestCommitReader[];
      /** Stored commits, for the head-branch fallback. */
      storedChanges?: (
        repository: string,
        shas: string[],
      ) => Promise<Map<string, ChangeInput>>;
    },
  ) {}

  async handle(params: EventParams): Promise<void> {
    const source = params.topic;
    const deliveryId = deliveryIdOf(
      source,
      params.eventPayload,
      params.metadata,
    );
    if (deliveryId && (await this.deps.deliveries.seen(source, deliveryId))) {
      this.deps.logger.debug(
        `DORA webhook ${source} ${deliveryId}: redelivery, nothing to do`,
      );
      return;
    }
    const observations = observe(
      params,
      this.deps.isAutomated ?? automatedAuthorMatcher(),
    );
    if (observations && !isEmpty(observations)) {
      try {
        const result = await this.deps.observations.apply(observations);
        this.deps.logger.info(
          `DORA webhook ${source} ${deliveryId ?? '(no delivery id)'}: ` +
            `${result.accepted} accepted, ${result.updated} updated, ` +
            `${result.duplicates} unchanged, ${result.rejected.length} rejected`,
        );
      } catch (error) {
        this.deps.logger.error(
          `DORA webhook ${source} ${deliveryId}: not applied: ${error}`,
        );
        throw error;
      }
    }
    const merged = mergedPullRequestOf(params);
    if (merged) await this.ingestPullRequestCommits(merged);
    if (deliveryId) {
      await this.deps.deliveries.record(source, deliveryId, Date.now());
    }
  }

  /**
   * After the merge is stored: the pull request's commits, read from the
   * provider or, without credentials, taken from its head branch's pushes,
   * stored as changes carrying its number. A failure is logged and does not
   * fail the delivery (the merge is stored; the commits are missing until a
   * backfill reads them). Applying them again changes nothing.
   */
  private async ingestPullRequestCommits(pr: MergedPullRequestDelivery) {
    const { logger } = this.deps;
    const what = `${pr.source} ${pr.repository}#${pr.number}`;
    try {
      const reader = this.deps.pullRequestCommits?.find(
        r => r.source === pr.source,
      );
      let commits = reader ? await reader.commitsOf(pr) : undefined;
      if (commits === undefined && this.deps.storedChanges) {
        commits = await headBranchCommits(pr, this.deps.storedChanges);
      }
      if (!commits?.length) return;
      const result = await this.deps.observations.apply({
        ...noObservations(),
        changes: commits.map(c => ({
          ...c,
          pullRequest: { ...c.pullRequest, number: pr.number },
        })),
      });
      logger.info(
        `DORA webhook: ${commits.length} commits of pull request ${what}, ` +
          `${result.accepted} accepted, ${result.updated} updated`,
      );
    } catch (error) {
      logger.warn(
        `DORA webhook: the commits of pull request ${what} were not read: ${error}`,
      );
    }
  }
}

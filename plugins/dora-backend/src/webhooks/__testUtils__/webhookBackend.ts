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

import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { BackendFeature } from '@backstage/backend-plugin-api';
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createHmac, randomUUID } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { doraPlugin } from '../../plugin';

/**
 * The modules of a provider's events package. Its default export is a feature
 * loader whose dynamic `import()` Jest cannot run without ESM support, so the
 * test loads the same module files the loader would.
 */
function loaderModules(pkg: string, files: string[]): BackendFeature[] {
  const dist = path.dirname(require.resolve(pkg));
  return files.map(f => require(path.join(dist, 'service', f)).default);
}

export const GITHUB_SECRET = 'github-webhook-secret';
export const GITLAB_TOKEN = 'gitlab-webhook-token';
export const ENTITY_REF = 'component:default/hello-world';

export const helloWorldEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'hello-world',
    annotations: {
      'github.com/project-slug': 'Codertocat/Hello-World',
      'gitlab.com/project-slug': 'acme/checkout',
      'pagerduty.com/service-id': 'PF9KMXH',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-a',
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
};

/**
 * The dora plugin behind the real events backend: its HTTP ingress with the
 * GitHub and GitLab modules' signature checks, and the `pagerduty` topic as a
 * plain ingress (its signature check is tested in its own module package).
 */
export async function startWebhookBackend(
  entities: Entity[] = [helloWorldEntity],
  /** More root config, e.g. `integrations` for a stand-in provider API. */
  moreConfig: Record<string, unknown> = {},
) {
  const { server } = await startTestBackend({
    features: [
      doraPlugin,
      eventsPlugin,
      // The real events service: the default test one is per plugin, so the
      // events plugin and this plugin would not share a bus.
      eventsServiceFactory,
      ...loaderModules('@backstage/plugin-events-backend-module-github', [
        'eventsModuleGithubWebhook.cjs.js',
        'eventsModuleGithubEventRouter.cjs.js',
      ]),
      ...loaderModules('@backstage/plugin-events-backend-module-gitlab', [
        'eventsModuleGitlabWebhook.cjs.js',
        'eventsModuleGitlabEventRouter.cjs.js',
      ]),
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          events: {
            useEventBus: 'never',
            http: { topics: ['github', 'gitlab', 'pagerduty'] },
            modules: {
              github: { webhookSecret: GITHUB_SECRET },
              gitlab: { webhookSecret: GITLAB_TOKEN },
            },
          },
          dora: { backfill: { enabled: false } },
          ...moreConfig,
        },
      }),
    ],
  });

  const github = (
    event: string,
    payload: unknown,
    options: { delivery?: string; secret?: string } = {},
  ) => {
    const body = JSON.stringify(payload);
    const signature = createHmac('sha256', options.secret ?? GITHUB_SECRET)
      .update(body)
      .digest('hex');
    return request(server)
      .post('/api/events/http/github')
      .set('Content-Type', 'application/json')
      .set('X-GitHub-Event', event)
      .set('X-GitHub-Delivery', options.delivery ?? randomUUID())
      .set('X-Hub-Signature-256', `sha256=${signature}`)
      .send(body);
  };

  const gitlab = (
    payload: unknown,
    options: { delivery?: string; token?: string } = {},
  ) =>
    request(server)
      .post('/api/events/http/gitlab')
      .set('Content-Type', 'application/json')
      .set('X-Gitlab-Token', options.token ?? GITLAB_TOKEN)
      .set('X-Gitlab-Event-UUID', options.delivery ?? randomUUID())
      .send(JSON.stringify(payload));

  const pagerduty = (payload: unknown) =>
    request(server)
      .post('/api/events/http/pagerduty')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(payload));

  const read = async (route: string, query: Record<string, string>) => {
    const res = await request(server)
      .get(`/api/dora/v1/${route}`)
      .query({ entityRef: ENTITY_REF, ...query })
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    return res.body;
  };

  return { server, github, gitlab, pagerduty, read };
}

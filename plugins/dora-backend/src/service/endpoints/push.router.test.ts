import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { doraPlugin } from '../../plugin';
import {
  checkoutEntity,
  workedExample,
} from '../../__testUtils__/workedExample';

/** A service token whose subject is `subject` (a static token's subject). */
const tokenOf = (subject: string) =>
  mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(subject),
    targetPluginId: 'dora',
  });

async function startDora() {
  const { server } = await startTestBackend({
    features: [
      doraPlugin,
      catalogServiceMock.factory({ entities: [checkoutEntity] }),
      mockServices.rootConfig.factory({
        data: {
          dora: {
            ingest: {
              principals: [
                { subject: 'github-bridge', sources: ['github'] },
                { subject: 'ci', sources: ['github-actions'] },
              ],
            },
          },
        },
      }),
    ],
  });
  return server;
}

describe('who may push which source', () => {
  const [d1] = workedExample.deployments;
  const push = (server: unknown, subject: string, sources: string[]) =>
    request(server as never)
      .post('/api/dora/v1/deployments')
      .set('Authorization', tokenOf(subject))
      .send({
        deployments: sources.map((source, i) => ({
          ...d1,
          source,
          id: `run-${i}`,
        })),
      });

  it("refuses the webhooks' and backfill's sources to a caller not granted them", async () => {
    const server = await startDora();
    const res = await push(server, 'someone', [
      'github',
      'GitLab',
      'pagerduty',
      'jenkins',
    ]);
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    expect(res.body.rejected.map((r: any) => [r.index, r.reason])).toEqual([
      [
        0,
        "source: 'github' is written by the plugin's webhooks and backfill; grant it to this caller in dora.ingest.principals to push it",
      ],
      [1, expect.stringMatching(/^source: 'GitLab' is written by/)],
      [2, expect.stringMatching(/^source: 'pagerduty' is written by/)],
    ]);
  });

  it('lets a listed subject write only its listed sources', async () => {
    const server = await startDora();
    const bridge = await push(server, 'github-bridge', ['github', 'jenkins']);
    expect(bridge.body.accepted).toBe(1);
    expect(bridge.body.rejected).toEqual([
      {
        index: 1,
        reason:
          "source: 'jenkins' is not among the sources dora.ingest.principals grants to this caller",
      },
    ]);
    const ci = await push(server, 'ci', ['github-actions', 'github']);
    expect(ci.body.accepted).toBe(1);
    expect(ci.body.rejected).toEqual([
      { index: 1, reason: expect.stringMatching(/^source: 'github' is not/) },
    ]);
    const changes = await request(server)
      .post('/api/dora/v1/changes')
      .set('Authorization', tokenOf('ci'))
      .send({
        changes: [
          {
            source: 'github',
            repository: 'acme/checkout',
            sha: 'c1',
            committedAt: d1.finishedAt,
          },
        ],
      });
    expect(changes.body.rejected).toEqual([
      { index: 0, reason: expect.stringMatching(/^source: 'github' is not/) },
    ]);
  });
});

import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// A minimal backend for working on this plugin alone (`yarn start` here),
// with mocked auth and one catalog entity. Try:
//
//   curl -X POST http://localhost:7007/api/dora/v1/deployments \
//     -H 'Content-Type: application/json' \
//     -d '{"deployments":[{"source":"ci","id":"1","entityRef":"component:default/checkout",
//          "environment":"production","status":"success","finishedAt":"2026-03-02T12:00:00Z"}]}'
//   curl 'http://localhost:7007/api/dora/v1/metrics?entityRef=component:default/checkout&from=2026-03-01'

const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'checkout',
          annotations: { 'github.com/project-slug': 'acme/checkout' },
        },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: 'group:default/payments',
        },
      },
    ],
  }),
);
backend.add(import('../src'));
backend.start();

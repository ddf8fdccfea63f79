import { DoraRouter } from './types';

/** `GET /health`, open to anyone (see the auth policy in plugin.ts). */
export function bindHealthEndpoint(router: DoraRouter) {
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
}

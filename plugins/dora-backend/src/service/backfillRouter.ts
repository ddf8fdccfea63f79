import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { doraEventsCreatePermission } from '@dora-metrics/plugin-dora-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { BackfillService } from '../backfill/BackfillService';

/**
 * `POST /v1/backfill` starts a backfill run now (it continues in the
 * background), `GET /v1/backfill` reports its progress. Both are for service
 * principals with `dora.events.create`, like the push routes.
 */
export function createBackfillRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  backfill: BackfillService;
}): express.Router {
  const { httpAuth, permissions, auditor, backfill } = options;
  const router = Router();

  async function authorize(req: Request) {
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    const [decision] = await permissions.authorize(
      [{ permission: doraEventsCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `not allowed: ${doraEventsCreatePermission.name}`,
      );
    }
  }

  router.get('/v1/backfill', async (req, res) => {
    await authorize(req);
    res.json(await backfill.status());
  });

  router.post('/v1/backfill', async (req, res) => {
    await authorize(req);
    const audit = await auditor.createEvent({
      eventId: 'dora-backfill',
      severityLevel: 'medium',
      request: req,
    });
    const started = backfill.start();
    await audit.success({ meta: { started } });
    res.status(202).json({ started, ...(await backfill.status()) });
  });

  return router;
}

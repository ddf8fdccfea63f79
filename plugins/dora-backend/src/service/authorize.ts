import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

/**
 * Checks who calls (401 for no or a wrong kind of principal) and whether they
 * hold the permission (403), and returns their credentials.
 */
export type Authorize = (
  req: Request<any, any, any, any>,
  permission: BasicPermission,
  allow: ('user' | 'service')[],
) => Promise<BackstageCredentials>;

export function createAuthorize(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): Authorize {
  return async (req, permission, allow) => {
    const credentials = await deps.httpAuth.credentials(req, { allow });
    const [decision] = await deps.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`not allowed: ${permission.name}`);
    }
    return credentials;
  };
}

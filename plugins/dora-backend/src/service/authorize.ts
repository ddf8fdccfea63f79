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

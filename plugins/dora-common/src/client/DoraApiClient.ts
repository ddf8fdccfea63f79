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

import { ResponseError } from '@backstage/errors';
import type { paths } from '../schema/openapi.generated';

/** A path of the DORA API that answers `GET`. @public */
export type DoraReadPath = {
  [Path in keyof paths]: paths[Path]['get'] extends { responses: unknown }
    ? Path
    : never;
}[keyof paths];

/** The `GET` operation of a path, as openapi.yaml declares it. @public */
export type DoraReadOperation<Path extends DoraReadPath> = NonNullable<
  paths[Path]['get']
>;

/** The query parameters of `GET <Path>`, as openapi.yaml declares them. @public */
export type DoraReadQuery<Path extends DoraReadPath> = [
  NonNullable<DoraReadOperation<Path>['parameters']['query']>,
] extends [never]
  ? Record<string, never>
  : NonNullable<DoraReadOperation<Path>['parameters']['query']>;

/** The body of a successful `GET <Path>`, as openapi.yaml declares it. @public */
export type DoraReadResponse<Path extends DoraReadPath> =
  DoraReadOperation<Path>['responses'] extends {
    200: { content: { 'application/json': infer Body } };
  }
    ? Body
    : never;

/**
 * Reads the DORA backend (plugin id `dora`) with request and answer types
 * taken from openapi.yaml. Works in the browser (with the fetchApi, which
 * adds the user's token) and in backends (with a token per call).
 * @public
 */
export class DoraApiClient {
  private readonly discoveryApi: {
    getBaseUrl(pluginId: string): Promise<string>;
  };
  private readonly fetchApi: { fetch: typeof fetch };

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi?: { fetch: typeof fetch };
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...a) => fetch(...a) };
  }

  /** `GET <path>?<query>`; throws a ResponseError for an answer other than 2xx. */
  async read<Path extends DoraReadPath>(
    path: Path,
    query: DoraReadQuery<Path>,
    options?: { token?: string },
  ): Promise<DoraReadResponse<Path>> {
    const base = await this.discoveryApi.getBaseUrl('dora');
    const search = toSearchParams(query).toString();
    const response = await this.fetchApi.fetch(
      `${base}${path}${search ? `?${search}` : ''}`,
      options?.token
        ? { headers: { Authorization: `Bearer ${options.token}` } }
        : undefined,
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.json();
  }
}

/** Drops absent values; numbers and booleans are written as JSON writes them. */
function toSearchParams(query: object): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  return params;
}

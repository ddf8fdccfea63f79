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

import type { DoraOpenApiPaths } from '@dora-metrics/plugin-dora-common';

// The shape backend-openapi-utils' TypedRouter expects, keyed
// `#<method>|<path>`, derived from the types openapi-typescript generates from
// openapi.yaml. repo-tools would generate this map with the openapi-generator
// jar, which cannot be fetched here (see scripts/openapi-contract.cjs).

type Method = 'get' | 'post' | 'put' | 'delete';

type Operation = {
  parameters: { query?: unknown };
  requestBody?: unknown;
  responses: unknown;
};

type Json<T> = T extends { content: { 'application/json': infer Body } }
  ? Body
  : void;

/** Query parameters as the validated router hands them over. */
type QueryOf<Op extends Operation> = [
  NonNullable<Op['parameters']['query']>,
] extends [never]
  ? {}
  : NonNullable<Op['parameters']['query']>;

type BodyOf<Op extends Operation> = [NonNullable<Op['requestBody']>] extends [
  never,
]
  ? {}
  : Json<NonNullable<Op['requestBody']>> & object;

/** The body of the operation's first 2xx answer. */
type ResponseOf<Op extends Operation> = {
  [Status in keyof Op['responses']]: Status extends 200 | 201 | 202 | 204
    ? Json<Op['responses'][Status]>
    : never;
}[keyof Op['responses']];

type Endpoints = {
  [Path in keyof DoraOpenApiPaths & string]: {
    [M in Method]: DoraOpenApiPaths[Path][M] extends Operation
      ? {
          key: `#${M extends 'delete' ? '_delete' : M}|${Path}`;
          operation: DoraOpenApiPaths[Path][M];
        }
      : never;
  }[Method];
}[keyof DoraOpenApiPaths & string];

/** Every operation of openapi.yaml with its query, body and answer types. */
export type EndpointMap = {
  [E in Endpoints as E['key']]: {
    query: QueryOf<E['operation']>;
    body: BodyOf<E['operation']>;
    response: ResponseOf<E['operation']>;
  };
};

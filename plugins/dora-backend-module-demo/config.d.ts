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

export interface Config {
  dora?: {
    /**
     * Simulated history for a demo organisation, read by
     * `@dora-metrics/plugin-dora-backend-module-demo`: catalog entities with
     * the `dora-metrics/demo-profile` annotation get commits, deployments and
     * incidents pushed at startup. Never enable in production.
     */
    demo?: {
      /** @default false */
      enabled?: boolean;
      /** Days of history, ending at startup. @default 180 */
      days?: number;
      /** The same seed gives the same history. @default 1 */
      seed?: number;
    };
  };
}

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

/**
 * A backend module for the DORA metrics plugin that fills a demo install
 * with simulated, reproducible history. The history generator and its
 * seeded random numbers are exported too, for tests and benchmarks that
 * need the same plausible data.
 *
 * @packageDocumentation
 */
export { doraModuleDemo as default } from './module';
export {
  DEMO_MERGE_STYLE_ANNOTATION,
  DEMO_PROFILE_ANNOTATION,
} from './demo/DemoSeeder';
export {
  generateDemoHistory,
  type DemoHistory,
  type DemoProfile,
  type DemoService,
} from './demo/generateDemoHistory';
export {
  hashString,
  intBetween,
  mulberry32,
  pick,
  type Rng,
} from './demo/random';

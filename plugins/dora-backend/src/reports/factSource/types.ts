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

import { FactScope } from '../../database/types';
import { FactPool } from '../../metrics/pool/factPool';

/**
 * A token per entity of its facts as stored now, changed whenever they are
 * replaced; entities whose facts were never derived are absent.
 */
export type FactRevisions = ReadonlyMap<string, string>;

/**
 * Where reports get their facts from, pooled in columns: the database
 * ({@link DatabaseFactSource}), or the database behind a cache of each
 * entity's facts ({@link CachedFactSource}); see {@link createFactSource}.
 */
export interface FactSource {
  /**
   * The revisions of entities' facts now. A report that loads several pools
   * reads them once and passes them to each {@link FactSource.loadFacts}.
   */
  revisions(entityRefs: readonly string[]): Promise<FactRevisions>;

  /**
   * The facts of `scope` that can matter to windows inside `[from, to)`.
   * Facts after `to` may be included: every computation filters to its
   * window. `revisions`, when given, must have been read before this call.
   */
  loadFacts(
    scope: FactScope,
    from: number,
    to: number,
    revisions?: FactRevisions,
  ): Promise<FactPool>;
}

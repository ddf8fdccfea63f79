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

import { DoraStore, FactScope } from '../../database/types';
import { FactPool, poolOfFacts } from '../../metrics/pool/factPool';
import { FactRevisions, FactSource } from './types';

/** Facts read from the database at each request, put in columns. */
export class DatabaseFactSource implements FactSource {
  constructor(
    private readonly store: Pick<DoraStore, 'loadFacts' | 'factRevisions'>,
  ) {}

  revisions(entityRefs: readonly string[]): Promise<FactRevisions> {
    return this.store.factRevisions(entityRefs);
  }

  async loadFacts(
    scope: FactScope,
    from: number,
    to: number,
  ): Promise<FactPool> {
    return poolOfFacts(await this.store.loadFacts(scope, from, to));
  }
}

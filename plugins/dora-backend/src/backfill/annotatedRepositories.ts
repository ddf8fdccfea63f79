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

import { DoraCatalogIndex } from '@dora-metrics/plugin-dora-node';

/**
 * The repositories (or projects) the catalog's entities name with one
 * annotation, each once, sorted: a provider backfill's targets.
 */
export function annotatedRepositories(
  index: DoraCatalogIndex,
  annotation: string,
): string[] {
  const repositories = new Set<string>();
  for (const e of index.entities()) {
    for (const r of e.repositories) {
      if (r.annotation === annotation) repositories.add(r.value);
    }
  }
  return [...repositories].sort();
}

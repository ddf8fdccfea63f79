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

import { Entity } from '@backstage/catalog-model';
import { useAsyncEntity } from '@backstage/plugin-catalog-react';

/**
 * The entity of the surrounding entity page, or undefined outside one (the
 * golden-path report page mounts the panel with no entity context).
 *
 * `useAsyncEntity` throws when there is no entity context at all. It reads
 * the context before it throws, so catching keeps the hook order stable.
 */
export function useOptionalEntity(): Entity | undefined {
  try {
    return useAsyncEntity().entity;
  } catch {
    return undefined;
  }
}

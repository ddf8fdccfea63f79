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

import { Page } from '@dora-metrics/plugin-dora-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/**
 * Cursor paging over an API list. Cursors only lead forward, so the cursors
 * of the pages seen are kept to step back. `resetKey` names the query (entity
 * and window); when it changes, paging starts again from the first page.
 */
export function useCursorPage<T>(
  load: (cursor: string | undefined) => Promise<Page<T>>,
  resetKey: string,
) {
  const [trail, setTrail] = useState<{
    key: string;
    cursors: (string | undefined)[];
  }>({ key: resetKey, cursors: [undefined] });
  const cursors = trail.key === resetKey ? trail.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];

  // `load` is a new closure on every render; the key and cursor say when to fetch.
  const state = useAsyncRetry(() => load(cursor), [resetKey, cursor]); // eslint-disable-line react-hooks/exhaustive-deps

  const nextCursor = state.value?.nextCursor ?? null;
  return {
    ...state,
    pageNumber: cursors.length,
    hasNext: !state.loading && nextCursor !== null,
    hasPrevious: cursors.length > 1,
    next: () => {
      if (nextCursor) {
        setTrail({ key: resetKey, cursors: [...cursors, nextCursor] });
      }
    },
    previous: () => setTrail({ key: resetKey, cursors: cursors.slice(0, -1) }),
    first: () => setTrail({ key: resetKey, cursors: [undefined] }),
  };
}

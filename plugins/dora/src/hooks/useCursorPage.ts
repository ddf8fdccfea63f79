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

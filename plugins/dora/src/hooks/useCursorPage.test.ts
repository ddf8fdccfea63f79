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

import { act, renderHook, waitFor } from '@testing-library/react';
import { useCursorPage } from './useCursorPage';

/** Three pages of letters behind cursors "b" and "c", as a list endpoint pages them. */
const PAGES: Record<string, { items: string[]; nextCursor: string | null }> = {
  start: { items: ['a1', 'a2'], nextCursor: 'b' },
  b: { items: ['b1', 'b2'], nextCursor: 'c' },
  c: { items: ['c1'], nextCursor: null },
};

function renderPaging(initialKey: string) {
  const load = jest.fn(async (cursor: string | undefined) => {
    return PAGES[cursor ?? 'start'];
  });
  const hook = renderHook(({ resetKey }) => useCursorPage(load, resetKey), {
    initialProps: { resetKey: initialKey },
  });
  const settled = () =>
    waitFor(() => expect(hook.result.current.loading).toBe(false));
  return { load, hook, settled };
}

describe('useCursorPage', () => {
  it('steps forward with the cursors given and back with the ones kept', async () => {
    const { load, hook, settled } = renderPaging('checkout|March');
    await settled();
    expect(hook.result.current.value?.items).toEqual(['a1', 'a2']);
    expect(hook.result.current.pageNumber).toBe(1);
    expect(hook.result.current.hasPrevious).toBe(false);
    expect(hook.result.current.hasNext).toBe(true);

    act(() => hook.result.current.next());
    await settled();
    act(() => hook.result.current.next());
    await settled();
    expect(hook.result.current.value?.items).toEqual(['c1']);
    expect(hook.result.current.pageNumber).toBe(3);
    expect(hook.result.current.hasNext).toBe(false);
    expect(load).toHaveBeenLastCalledWith('c');

    act(() => hook.result.current.previous());
    await settled();
    expect(hook.result.current.value?.items).toEqual(['b1', 'b2']);
    expect(hook.result.current.pageNumber).toBe(2);

    act(() => hook.result.current.first());
    await settled();
    expect(hook.result.current.value?.items).toEqual(['a1', 'a2']);
    expect(hook.result.current.hasPrevious).toBe(false);
  });

  it('starts again from the first page when the query changes', async () => {
    const { load, hook, settled } = renderPaging('checkout|March');
    await settled();
    act(() => hook.result.current.next());
    await settled();
    expect(hook.result.current.pageNumber).toBe(2);

    hook.rerender({ resetKey: 'checkout|April' });
    await settled();
    expect(hook.result.current.pageNumber).toBe(1);
    expect(hook.result.current.value?.items).toEqual(['a1', 'a2']);
    expect(load).toHaveBeenLastCalledWith(undefined);
  });
});

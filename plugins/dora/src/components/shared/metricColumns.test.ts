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

import { compareNullsLast } from './metricColumns';

describe('compareNullsLast', () => {
  // material-table calls (a, b) ascending and (b, a, 'row', 'desc') descending.
  const sortAsc = (values: (number | null)[]) =>
    [...values].sort((a, b) => compareNullsLast(a, b));
  const sortDesc = (values: (number | null)[]) =>
    [...values].sort((a, b) => compareNullsLast(b, a, 'desc'));

  it('puts empty figures last in both directions', () => {
    expect(sortAsc([3, null, 1, 2])).toEqual([1, 2, 3, null]);
    expect(sortDesc([3, null, 1, 2])).toEqual([3, 2, 1, null]);
  });

  it('keeps 0 as a figure, apart from null', () => {
    expect(sortAsc([null, 0.5, 0])).toEqual([0, 0.5, null]);
  });
});

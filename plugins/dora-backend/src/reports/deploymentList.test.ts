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

import { StoredDeploymentView } from '../database/types';
import { withLeadTimes } from './deploymentList';

const deployment = (leadTimes: number[]): StoredDeploymentView => ({
  source: 'github',
  id: `d-${leadTimes.join('-')}`,
  entityRef: 'component:default/checkout',
  environment: 'production',
  status: 'success',
  kind: 'deployment',
  sha: 'c1',
  startedAt: null,
  finishedAt: '2026-03-02T10:00:00.000Z',
  url: null,
  counted: true,
  failed: false,
  rollbackOf: null,
  linkedIncidents: [],
  commits: leadTimes.map((leadTimeHours, i) => ({
    sha: `c${i}`,
    committedAt: '2026-03-02T08:00:00.000Z',
    leadTimeHours,
  })),
});

describe('withLeadTimes', () => {
  it('gives each deployment the median lead time of the commits it shipped', () => {
    const page = withLeadTimes({
      items: [deployment([1, 5, 2]), deployment([4, 2]), deployment([])],
      nextCursor: 'next',
    });
    expect(page.items.map(d => d.leadTimeHours)).toEqual([2, 3, null]);
    expect(page.nextCursor).toBe('next');
    expect(page.items[0].commits).toHaveLength(3);
  });

  it('leaves clock-skewed commits (negative lead times) out', () => {
    const page = withLeadTimes({
      items: [deployment([-3, 6]), deployment([-1])],
      nextCursor: null,
    });
    expect(page.items.map(d => d.leadTimeHours)).toEqual([6, null]);
  });
});

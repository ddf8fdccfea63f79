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

import { mockServices } from '@backstage/backend-test-utils';
import { BackfillSource } from '@dora-metrics/plugin-dora-node';
import { BackfillService } from './BackfillService';

const source = (name: string): BackfillSource => ({
  source: name,
  steps: ['all'],
  targets: () => [],
  fetchPage: async () => {
    throw new Error('not read in this test');
  },
});

describe('BackfillService', () => {
  it('refuses two sources of one name, such as a module copying a built-in one', () => {
    const create = (sources: BackfillSource[]) =>
      new BackfillService({
        sources,
        state: {} as never,
        observations: {} as never,
        catalogIndex: {} as never,
        logger: mockServices.logger.mock(),
        lookbackMs: 0,
      });
    expect(() => create([source('github'), source('ci')])).not.toThrow();
    expect(() => create([source('github'), source('github')])).toThrow(
      "DORA backfill: two sources are named 'github'",
    );
  });
});

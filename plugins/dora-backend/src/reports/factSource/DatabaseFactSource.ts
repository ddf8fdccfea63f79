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

import { FactScope } from '../../database/types';
import { FactPool } from '../../metrics/pool/factPool';

/**
 * A token per entity of its facts as stored now, changed whenever they are
 * replaced; entities whose facts were never derived are absent.
 */
export type FactRevisions = ReadonlyMap<string, string>;

/**
 * Where reports get their facts from, pooled in columns: the database
 * ({@link DatabaseFactSource}), or the database behind a cache of each
 * entity's facts ({@link CachedFactSource}); see {@link createFactSource}.
 */
export interface FactSource {
  /**
   * The revisions of entities' facts now. A report that loads several pools
   * reads them once and passes them to each {@link FactSource.loadFacts}.
   */
  revisions(entityRefs: readonly string[]): Promise<FactRevisions>;

  /**
   * The facts of `scope` that can matter to windows inside `[from, to)`.
   * Facts after `to` may be included: every computation filters to its
   * window. `revisions`, when given, must have been read before this call.
   */
  loadFacts(
    scope: FactScope,
    from: number,
    to: number,
    revisions?: FactRevisions,
  ): Promise<FactPool>;
}

import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CatalogIndex,
  INDEX_FIELDS,
  indexEntity,
  IndexedEntity,
} from './CatalogIndex';

/**
 * Keeps a {@link CatalogIndex} fresh: built on first use, rebuilt when older
 * than `maxAgeMs` or on demand (reconciliation waits for a fresh one), one
 * catalog read at a time however many callers wait for it.
 */
export class CatalogIndexProvider {
  private current?: { index: CatalogIndex; builtAt: number };
  private pending?: Promise<CatalogIndex>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
    private readonly maxAgeMs: number,
  ) {}

  /**
   * The index, built on first use. Once it is older than `maxAgeMs` the
   * stale one is still returned while a rebuild runs in the background, so
   * that no request waits for a whole catalog read (seconds on a big one).
   */
  async get(): Promise<CatalogIndex> {
    if (!this.current) return this.refresh();
    if (Date.now() - this.current.builtAt >= this.maxAgeMs) {
      this.refresh().catch(error =>
        this.deps.logger.warn(
          `DORA catalog index: refresh failed, keeping the last one: ${error}`,
        ),
      );
    }
    return this.current.index;
  }

  refresh(): Promise<CatalogIndex> {
    if (!this.pending) {
      this.pending = this.build().finally(() => {
        this.pending = undefined;
      });
    }
    return this.pending;
  }

  private async build(): Promise<CatalogIndex> {
    const started = Date.now();
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entities: IndexedEntity[] = [];
    // Users and locations never own DORA events; leaving them out keeps the index small.
    const stream = this.deps.catalog.streamEntities(
      {
        filter: {
          kind: [
            'Component',
            'Resource',
            'System',
            'API',
            'Group',
            'Domain',
            'Template',
          ],
        },
        fields: INDEX_FIELDS,
      },
      { credentials },
    );
    for await (const page of stream) {
      for (const entity of page) entities.push(indexEntity(entity));
    }
    const index = new CatalogIndex(entities);
    this.current = { index, builtAt: Date.now() };
    this.deps.logger.debug(
      `DORA catalog index: ${index.size} entities in ${
        Date.now() - started
      } ms`,
    );
    return index;
  }
}

import { LoggerService } from '@backstage/backend-plugin-api';
import {
  BackfillSource,
  DoraIngestConnection,
  DoraIngestExtensionPoint,
  DoraIngestProvider,
} from '@dora-metrics/plugin-dora-node';

/**
 * What modules added through `doraIngestExtensionPoint`. Modules register
 * before the plugin's init; once init has read the lists, adding more would
 * be silently ignored, so it throws instead.
 */
export class DoraExtensions {
  private readonly providers: DoraIngestProvider[] = [];
  private readonly sources: BackfillSource[] = [];
  private locked = false;

  /** The extension point's implementation, for `registerExtensionPoint`. */
  readonly extensionPoint: DoraIngestExtensionPoint = {
    addIngestProvider: (...providers) => {
      this.assertOpen('addIngestProvider');
      this.providers.push(...providers.flat());
    },
    addBackfillSource: (...sources) => {
      this.assertOpen('addBackfillSource');
      this.sources.push(...sources.flat());
    },
  };

  private assertOpen(method: string) {
    if (this.locked) {
      throw new Error(
        `doraIngestExtensionPoint.${method} called after the dora plugin started`,
      );
    }
  }

  /** The modules' backfill sources, run after the built-in ones. */
  backfillSources(): BackfillSource[] {
    this.locked = true;
    return [...this.sources];
  }

  /** Hands the ingest path to every provider, in the order they were added. */
  async connectProviders(
    connection: DoraIngestConnection,
    logger: LoggerService,
  ): Promise<void> {
    this.locked = true;
    for (const provider of this.providers) {
      await provider.connect(connection);
      logger.info(
        `DORA: ingest provider ${provider.getProviderName()} connected`,
      );
    }
  }
}

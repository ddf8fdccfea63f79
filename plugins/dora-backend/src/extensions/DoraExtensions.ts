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

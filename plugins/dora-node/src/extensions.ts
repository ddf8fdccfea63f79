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

import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  ChangeInput,
  DeploymentInput,
  IncidentInput,
  IngestResult,
} from '@dora-metrics/plugin-dora-common';
import { BackfillSource } from './backfill';

/**
 * The DORA plugin's ingest path, as a module receives it: each push is
 * validated, attributed to catalog entities and stored exactly as the push
 * API (`POST /api/dora/v1/...`) would, and the facts of the entities it
 * touched are derived before the promise resolves.
 *
 * Lists of any length are accepted; the plugin sends them in batches of the
 * push API's size, and the indexes of rejected items refer to the whole
 * list. Push commits before the deployments that ship them, so that lead
 * times are derived from them at once.
 *
 * @public
 */
export interface DoraIngestConnection {
  pushChanges(changes: ChangeInput[]): Promise<IngestResult>;
  pushDeployments(deployments: DeploymentInput[]): Promise<IngestResult>;
  pushIncidents(incidents: IncidentInput[]): Promise<IngestResult>;
}

/**
 * Something that feeds the DORA plugin events from outside its push API.
 * Modelled on the catalog's `EntityProvider`: the plugin calls `connect`
 * once, during its own initialisation, when its ingest path is ready; the
 * provider keeps the connection and pushes whenever it likes (typically
 * from a startup hook or a scheduled task of its module).
 *
 * @public
 */
export interface DoraIngestProvider {
  /** A name for the plugin's logs. */
  getProviderName(): string;
  /** A provider that throws here stops the plugin from starting. */
  connect(connection: DoraIngestConnection): Promise<void>;
}

/**
 * What backend modules of the `dora` plugin can add to it.
 *
 * @public
 */
export interface DoraIngestExtensionPoint {
  /** Providers that push events through the plugin's ingest path. */
  addIngestProvider(
    ...providers: Array<DoraIngestProvider | Array<DoraIngestProvider>>
  ): void;
  /**
   * Backfill sources read on the plugin's backfill schedule
   * (`dora.backfill`), after its built-in GitHub and PagerDuty sources.
   */
  addBackfillSource(
    ...sources: Array<BackfillSource | Array<BackfillSource>>
  ): void;
}

/**
 * The extension point through which backend modules of the `dora` plugin push
 * events and add backfill sources.
 *
 * Why providers that the plugin connects, rather than a service ref that
 * modules depend on: the ingest path is built inside the plugin's `init`
 * (store, catalog index, fact deriver) and the push API uses that one
 * instance. A service factory is instantiated by the backend apart from the
 * plugin's `init`, so it could only build a second copy, with its own
 * catalog index cache and deriver, or would have to move the plugin's
 * internals into services. Extension points, though, are called while
 * modules register, before the plugin's `init` has built anything, so they
 * cannot return the ingest path either. The plugin therefore keeps what
 * modules add and connects each provider once its ingest path exists, as the
 * catalog does with `addEntityProvider` and `EntityProvider.connect`.
 *
 * @example
 * ```ts
 * export default createBackendModule({
 *   pluginId: 'dora',
 *   moduleId: 'my-ci',
 *   register(env) {
 *     env.registerInit({
 *       deps: { dora: doraIngestExtensionPoint },
 *       async init({ dora }) {
 *         dora.addIngestProvider(new MyCiProvider());
 *         dora.addBackfillSource(new MyCiBackfill());
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const doraIngestExtensionPoint =
  createExtensionPoint<DoraIngestExtensionPoint>({
    id: 'dora.ingest',
  });

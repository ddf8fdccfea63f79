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

import { mockServices } from '@backstage/backend-test-utils';
import { IngestResult, MAX_BATCH_SIZE } from '@dora-metrics/plugin-dora-common';
import {
  BackfillSource,
  DoraIngestConnection,
  DoraIngestProvider,
} from '@dora-metrics/plugin-dora-node';
import { IngestService } from '../ingest/IngestService';
import { DoraExtensions } from './DoraExtensions';
import { createIngestConnection } from './ingestConnection';

/** An ingest service that rejects every item whose `id` is 'bad'. */
function fakeIngest() {
  const bodies: { field: string; size: number }[] = [];
  const handle =
    (field: string) =>
    async (body: unknown): Promise<IngestResult> => {
      const items = (body as Record<string, { id: string }[]>)[field];
      bodies.push({ field, size: items.length });
      const rejected = items.flatMap((item, index) =>
        item.id === 'bad' ? [{ index, reason: 'bad item' }] : [],
      );
      return {
        accepted: items.length - rejected.length,
        updated: 0,
        duplicates: 0,
        rejected,
      };
    };
  const ingest = {
    ingestChanges: handle('changes'),
    ingestDeployments: handle('deployments'),
    ingestIncidents: handle('incidents'),
  } as unknown as IngestService;
  return { ingest, bodies };
}

describe('createIngestConnection', () => {
  it('sends long lists in push API batches and numbers rejections in the list', async () => {
    const { ingest, bodies } = fakeIngest();
    const items = Array.from({ length: MAX_BATCH_SIZE + 10 }, (_, i) => ({
      id: i === 3 || i === MAX_BATCH_SIZE + 4 ? 'bad' : `d${i}`,
    }));
    const result = await createIngestConnection(ingest).pushDeployments(
      items as never,
    );
    expect(bodies).toEqual([
      { field: 'deployments', size: MAX_BATCH_SIZE },
      { field: 'deployments', size: 10 },
    ]);
    expect(result).toEqual({
      accepted: MAX_BATCH_SIZE + 8,
      updated: 0,
      duplicates: 0,
      rejected: [
        { index: 3, reason: 'bad item' },
        { index: MAX_BATCH_SIZE + 4, reason: 'bad item' },
      ],
    });
  });

  it('sends each kind to its own route, and nothing for an empty list', async () => {
    const { ingest, bodies } = fakeIngest();
    const connection = createIngestConnection(ingest);
    await connection.pushChanges([{ id: 'c' }] as never);
    await connection.pushIncidents([{ id: 'i' }] as never);
    expect(await connection.pushDeployments([])).toEqual({
      accepted: 0,
      updated: 0,
      duplicates: 0,
      rejected: [],
    });
    expect(bodies.map(b => b.field)).toEqual(['changes', 'incidents']);
  });
});

describe('DoraExtensions', () => {
  const provider = (name: string, connected: string[]): DoraIngestProvider => ({
    getProviderName: () => name,
    connect: async () => {
      connected.push(name);
    },
  });
  const source = (name: string): BackfillSource => ({
    source: name,
    steps: ['all'],
    targets: () => [],
    fetchPage: async () => {
      throw new Error('not read in this test');
    },
  });

  it('connects providers in the order modules added them', async () => {
    const extensions = new DoraExtensions();
    const connected: string[] = [];
    extensions.extensionPoint.addIngestProvider(provider('a', connected), [
      provider('b', connected),
      provider('c', connected),
    ]);
    await extensions.connectProviders(
      {} as DoraIngestConnection,
      mockServices.logger.mock(),
    );
    expect(connected).toEqual(['a', 'b', 'c']);
  });

  it('hands over backfill sources, then takes no more', () => {
    const extensions = new DoraExtensions();
    extensions.extensionPoint.addBackfillSource(source('x'), [source('y')]);
    expect(extensions.backfillSources().map(s => s.source)).toEqual(['x', 'y']);
    expect(() =>
      extensions.extensionPoint.addBackfillSource(source('z')),
    ).toThrow(/after the dora plugin started/);
    expect(() =>
      extensions.extensionPoint.addIngestProvider(provider('late', [])),
    ).toThrow(/after the dora plugin started/);
  });
});

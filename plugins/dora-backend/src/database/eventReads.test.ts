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

import {
  createTestDatabases,
  createTestStore,
} from '../__testUtils__/testDatabase';
import { workedExample } from '../__testUtils__/workedExample';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const forged = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

describe('event lists', () => {
  // A cursor is opaque, but a client can decode and forge it; what reaches
  // the database must fit its columns on every engine (PostgreSQL refused
  // these with a 500).
  it.each(databases.eachSupportedId())(
    'refuse a forged cursor with a 400 naming cursor on %p',
    async id => {
      const { store } = await createTestStore(databases, id);
      const query = {
        entityRef: workedExample.entityRef,
        from: 0,
        to: Date.parse('2100-01-01T00:00:00Z'),
        limit: 10,
      };
      for (const cursor of [
        [1.5, 1],
        [1e300, 1],
        [1, 2 ** 31],
        [1, 1.5],
        [1, -1],
        [-1e300, 1],
        ['1', 1],
        [1],
      ]) {
        for (const list of [
          store.listDeployments.bind(store),
          store.listIncidents.bind(store),
        ]) {
          await expect(
            list({ ...query, cursor: forged(cursor) }),
          ).rejects.toMatchObject({
            name: 'InputError',
            message: 'cursor: not a cursor returned by this API',
          });
        }
      }
      // The largest values a real cursor can hold still read.
      const last = forged([Number.MAX_SAFE_INTEGER, 2 ** 31 - 1]);
      await expect(
        store.listDeployments({ ...query, cursor: last }),
      ).resolves.toMatchObject({ items: [] });
    },
  );
});

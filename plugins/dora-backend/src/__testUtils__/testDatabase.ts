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

import { DatabaseService } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseDoraStore } from '../database/DatabaseDoraStore';

/**
 * The engines the plugin supports. scripts/test.sh points the PostgreSQL and
 * MySQL ones at local servers; the first test of DatabaseDoraStore.test.ts
 * fails when one is missing in CI instead of letting it be skipped.
 */
export const SUPPORTED_DATABASES: readonly TestDatabaseId[] = [
  'SQLITE_3',
  'POSTGRES_15',
  'MYSQL_8',
];

/** The test databases of one test file: every supported engine by default. */
export function createTestDatabases(
  ids: readonly TestDatabaseId[] = SUPPORTED_DATABASES,
): TestDatabases {
  return TestDatabases.create({ ids: [...ids] });
}

/** The plugin's database service, over one test database's client. */
export function databaseServiceOf(knex: Knex): DatabaseService {
  return { getClient: async () => knex } as unknown as DatabaseService;
}

/** A fresh database of engine `id`, migrated, and the plugin's store on it. */
export async function createTestStore(
  databases: TestDatabases,
  id: TestDatabaseId,
) {
  const knex = await databases.init(id);
  const database = databaseServiceOf(knex);
  const store = await DatabaseDoraStore.create({ database });
  return { knex, database, store };
}

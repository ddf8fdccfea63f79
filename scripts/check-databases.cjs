#!/usr/bin/env node
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

/*
 * Proves that the databases named by the BACKSTAGE_TEST_DATABASE_* variables
 * can be used the way @backstage/backend-test-utils' TestDatabases uses them:
 * parse the connection string the same way, connect with knex, create and
 * drop a database. Exits non-zero with a clear message otherwise.
 *
 * Run from scripts/test.sh after `yarn install` (needs knex, pg, mysql2).
 */
'use strict';

const path = require('node:path');
const crypto = require('node:crypto');

const root = path.resolve(__dirname, '..');
const fromRoot = id => require(require.resolve(id, { paths: [root] }));

// The parsers TestDatabases itself uses, when they can be found.
function mysqlParser() {
  try {
    const file = path.join(
      path.dirname(
        require.resolve('@backstage/backend-test-utils/package.json', {
          paths: [root],
        }),
      ),
      'dist/database/mysql.cjs.js',
    );
    const { parseMysqlConnectionString } = require(file);
    if (typeof parseMysqlConnectionString === 'function') {
      return parseMysqlConnectionString;
    }
  } catch {
    // fall through to the equivalent parser below
  }
  return s => {
    const u = new URL(s);
    if (u.protocol !== 'mysql:')
      throw new Error(`Unknown protocol ${u.protocol}`);
    if (!u.username || !u.password)
      throw new Error('Missing username/password');
    if (!/^\/[^/]+$/.test(u.pathname))
      throw new Error('Expected single path segment');
    return {
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      host: u.hostname,
      port: Number(u.port || 3306),
    };
  };
}

const checks = [
  {
    name: 'PostgreSQL',
    envVar: 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
    client: 'pg',
    parse: s => ({
      ...fromRoot('pg-connection-string').parse(s),
      database: 'postgres',
    }),
    quote: n => `"${n}"`,
  },
  {
    name: 'MariaDB/MySQL',
    envVar: 'BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING',
    client: 'mysql2',
    parse: s => ({ ...mysqlParser()(s), database: null }),
    quote: n => `\`${n}\``,
  },
];

async function check({ name, envVar, client, parse, quote }) {
  const url = process.env[envVar];
  if (!url) throw new Error(`${envVar} is not set`);
  const connection = parse(url);
  const knex = fromRoot('knex')({
    client,
    connection: { ...connection, connectTimeout: 5000 },
    pool: { min: 0, max: 1, acquireTimeoutMillis: 10000 },
  });
  const db = `ci_check_${crypto.randomBytes(6).toString('hex')}`;
  try {
    await knex.raw('select 1');
    await knex.raw(`CREATE DATABASE ${quote(db)}`);
    await knex.raw(`DROP DATABASE ${quote(db)}`);
    const safe = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    console.log(`  ${name}: OK (${safe}: connect, CREATE/DROP DATABASE)`);
  } finally {
    await knex.destroy();
  }
}

(async () => {
  let failed = false;
  for (const c of checks) {
    try {
      await check(c);
    } catch (e) {
      failed = true;
      console.error(`  ${c.name}: FAILED via ${c.envVar}: ${e.message}`);
    }
  }
  process.exit(failed ? 1 : 0);
})();

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

import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knex as createKnex, Knex } from 'knex';

const BIN = process.env.DORA_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise(resolve => server.close(resolve));
  return port;
}

function asPostgres(command: string, args: string[]) {
  // PostgreSQL refuses to run as root; as root we become `postgres`.
  const [file, argv] =
    process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', join(BIN, command), ...args]]
      : [join(BIN, command), args];
  return execFileSync(file, argv, { stdio: 'pipe', encoding: 'utf8' });
}

/**
 * A throwaway PostgreSQL cluster of our own (temp data dir, 127.0.0.1 and a
 * free port, trust auth) that the tests may stop and kill at will; the
 * machine's shared server is never touched.
 */
export class PrivatePostgres {
  private constructor(readonly dataDir: string, readonly port: number) {}

  static async create(): Promise<PrivatePostgres> {
    const dataDir = mkdtempSync(join(tmpdir(), 'dora-reliability-pg-'));
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      chownSync(dataDir, uid, gid);
    }
    asPostgres('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
    ]);
    const pg = new PrivatePostgres(dataDir, await freePort());
    pg.start();
    return pg;
  }

  start() {
    asPostgres('pg_ctl', [
      '-D',
      this.dataDir,
      '-o',
      `-p ${this.port} -k ${this.dataDir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
      '-l',
      join(this.dataDir, 'server.log'),
      '-w',
      'start',
    ]);
  }

  /** `immediate` is a crash: connections drop mid-transaction. */
  stop(mode: 'fast' | 'immediate' = 'fast') {
    asPostgres('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  destroy() {
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  connection(database = 'postgres') {
    return { host: '127.0.0.1', port: this.port, user: 'postgres', database };
  }

  /** A client for inspecting a database from the test side. */
  client(database: string): Knex {
    return createKnex({
      client: 'pg',
      connection: this.connection(database),
      pool: { min: 0, max: 2 },
    });
  }
}

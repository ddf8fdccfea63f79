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

import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GITHUB_WEBHOOK_SECRET } from './githubDeliveries';
import { freePort, PrivatePostgres } from './privatePostgres';

/** The static token the tests push and read with. */
export const TOKEN = 'dora-reliability-token-3f9a1c7e5b2d4f60';
const ENTRY = resolve(__dirname, 'backend.ts');
const PACKAGE_DIR = resolve(__dirname, '..', '..');
const SEMI_SPACE_MIB = 64;

export const sleep = (ms: number) => new Promise(done => setTimeout(done, ms));

export type LogLine = { time: number; message: string; raw: string };

/**
 * One DORA backend as its own Node process (real auth, database and
 * scheduler), on the private PostgreSQL. Databases are named by `prefix`, so
 * processes sharing a prefix share the store, like replicas.
 */
export class BackendProcess {
  /** Config and log directories, removed by run.ts when every part passed. */
  static readonly workDirs: string[] = [];

  readonly lines: LogLine[] = [];
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly configFile: string,
    private readonly logFile: string,
    /** What backend.ts reads from its environment besides the config. */
    private readonly env: Record<string, string>,
  ) {}

  static async start(options: {
    name: string;
    pg: PrivatePostgres;
    prefix: string;
    reconcileSeconds?: number;
    /** Another `backend.database` (e.g. SQLite for the benchmark); default: `pg`. */
    database?: Record<string, unknown>;
    /** Catalog entities as a JSON file (default: the test entities). */
    entitiesFile?: string;
    /** Also serve the benchmark's lower-bound route (dev/bench/lowerBoundModule.ts). */
    lowerBound?: boolean;
    /** Also take GitHub webhooks, signed with GITHUB_WEBHOOK_SECRET. */
    webhooks?: boolean;
  }): Promise<BackendProcess> {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), `dora-${options.name}-`));
    BackendProcess.workDirs.push(dir);
    const config = {
      backend: {
        baseUrl: `http://127.0.0.1:${port}`,
        listen: { host: '127.0.0.1', port },
        database: options.database ?? {
          client: 'pg',
          connection: options.pg.connection(),
          prefix: options.prefix,
          // Fail fast when the server is gone instead of queueing a minute.
          knexConfig: { acquireConnectionTimeout: 5000 },
        },
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: TOKEN, subject: 'reliability' },
              accessRestrictions: [{ plugin: 'dora' }],
            },
          ],
        },
      },
      dora: {
        timeZone: 'UTC',
        reconcile: { frequency: { seconds: options.reconcileSeconds ?? 2 } },
        // Webhooks are what the test sends; nothing may call GitHub's API.
        ...(options.webhooks ? { backfill: { enabled: false } } : {}),
      },
      ...(options.webhooks
        ? {
            events: {
              // Each delivery is handled by the replica that received it.
              useEventBus: 'never',
              http: { topics: ['github'] },
              modules: { github: { webhookSecret: GITHUB_WEBHOOK_SECRET } },
            },
          }
        : {}),
    };
    const configFile = join(dir, 'app-config.json');
    writeFileSync(configFile, JSON.stringify(config));
    const process_ = new BackendProcess(
      options.name,
      port,
      configFile,
      join(dir, 'backend.log'),
      {
        ...(options.entitiesFile
          ? { DORA_BACKEND_ENTITIES: options.entitiesFile }
          : {}),
        ...(options.lowerBound ? { DORA_BACKEND_LOWER_BOUND: '1' } : {}),
        ...(options.webhooks ? { DORA_BACKEND_WEBHOOKS: '1' } : {}),
      },
    );
    await process_.spawn();
    return process_;
  }

  /** (Re)starts the process and waits until it answers. */
  async spawn() {
    const child = spawn(
      process.execPath,
      [
        // As the plugin README recommends for large catalogs: reports build
        // many short-lived objects, which Node's default young generation
        // collects over and over (the small team view: p95 168 -> 116 ms).
        `--max-semi-space-size=${SEMI_SPACE_MIB}`,
        // A CPU profile of the backend per run, for finding where time goes.
        ...(process.env.DORA_BACKEND_CPU_PROFILE_DIR
          ? [
              '--cpu-prof',
              `--cpu-prof-dir=${process.env.DORA_BACKEND_CPU_PROFILE_DIR}`,
            ]
          : []),
        '--require',
        require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
        ENTRY,
        '--config',
        this.configFile,
      ],
      {
        cwd: PACKAGE_DIR,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
          ...this.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    this.exited = new Promise(done => child.on('exit', code => done(code)));
    const file = createWriteStream(this.logFile, { flags: 'a' });
    let rest = '';
    const collect = (chunk: Buffer) => {
      file.write(chunk);
      const text = rest + chunk.toString('utf8');
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const raw of parts) {
        // Production JSON logs carry no timestamp: the time read is close enough.
        let message = raw;
        try {
          message = String(JSON.parse(raw).message);
        } catch {
          // not JSON
        }
        this.lines.push({ time: Date.now(), message, raw });
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    // A crash (a signal, or an exit before any log line) leaves no trace of
    // its own in the log: say how the process ended.
    child.on('exit', (code, signal) =>
      file.write(`[harness] process exited: code ${code}, signal ${signal}\n`),
    );
    try {
      await this.waitUntilHealthy(180_000);
    } catch (error) {
      // A backend whose startup failed keeps answering 503: do not leave it.
      await this.kill();
      throw error;
    }
  }

  async waitUntilHealthy(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.lines.some(l => /Backend startup failed/.test(l.message))) {
        throw new Error(`${this.name} failed to start; log: ${this.logFile}`);
      }
      if (this.child?.exitCode !== null) {
        throw new Error(
          `${this.name} exited during startup; log: ${this.logFile}`,
        );
      }
      try {
        // The backend's readiness, not the plugin's own health route: the
        // plugin can answer while another plugin of the process (the events
        // backend, say) is still starting or has failed to start.
        const res = await fetch(`${this.url}/.backstage/health/v1/readiness`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline)
        throw new Error(`${this.name} did not start; log: ${this.logFile}`);
      await sleep(500);
    }
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The process id (for /proc/<pid>/status), while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive() {
    return (
      !!this.child &&
      this.child.exitCode === null &&
      this.child.signalCode === null
    );
  }

  /** SIGKILL: no shutdown hooks, no rollback from our side. */
  async kill() {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  async stop() {
    if (!this.alive) return;
    this.child?.kill('SIGTERM');
    const timeout = sleep(30_000).then(() => this.child?.kill('SIGKILL'));
    await Promise.race([this.exited, timeout]);
  }

  /** Log lines whose message matches. */
  matching(pattern: RegExp) {
    return this.lines.filter(l => pattern.test(l.message));
  }

  describe() {
    return `${this.name} (${this.url}, log ${this.logFile})`;
  }
}

export type HttpAnswer = { status: number; body: any };

/** A call with the static token; a dropped connection is status 0. */
export async function call(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<HttpAnswer> {
  try {
    const res = await fetch(`${base}/api/dora${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the text
    }
    return { status: res.status, body: parsed };
  } catch (error) {
    // fetch's own message ("fetch failed") hides why: the cause says it.
    const cause = (error as { cause?: unknown }).cause;
    return {
      status: 0,
      body: cause ? `${error} (${String(cause)})` : String(error),
    };
  }
}

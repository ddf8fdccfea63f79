import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knex as createKnex, Knex } from 'knex';
import { BackendProcess } from '../reliability/backendProcess';
import { PrivatePostgres } from '../reliability/privatePostgres';
import { badMiss, printTable, Row } from './goals';
import { generateOrganisation } from './organisation';
import { measureDatabase } from './scenario';
import { SIZES } from './sizes';

/**
 * `yarn bench --size small|large [--seed N] [--db pg,sqlite]`: generates the
 * organisation, loads it through the push API into a real backend process on
 * a private PostgreSQL (and SQLite for small), measures each figure against
 * its reference in the same run and prints one table. Exits non-zero on a
 * wrong number, or when a figure misses its goal by more than 2x.
 */
async function main() {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const size = SIZES[arg('size', 'small') as keyof typeof SIZES];
  if (!size) throw new Error('--size must be small or large');
  const seed = Number(arg('seed', '1'));
  const dbs = arg('db', size.name === 'small' ? 'pg,sqlite' : 'pg').split(',');
  const org = generateOrganisation(size);
  const log = (s: string) => process.stdout.write(`[bench] ${s}\n`);
  log(
    `size ${size.name}, seed ${seed}: ${size.services} services, ${
      org.groupCount
    } groups in ${size.groupLevels.length} levels (${size.groupLevels.join(
      '/',
    )}), ${size.templates} templates, ${size.days} days, ${
      size.deployments
    } deployments, ${size.commits} commits, ${size.incidents} incidents`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'dora-bench-'));
  const entitiesFile = join(dir, 'entities.json');
  writeFileSync(entitiesFile, JSON.stringify(org.entities));
  const pg = await PrivatePostgres.create();
  log(`private PostgreSQL on 127.0.0.1:${pg.port}`);
  const rows: Row[] = [];
  const mismatches: string[] = [];
  try {
    for (const db of dbs) {
      const sqliteDir = join(dir, 'sqlite');
      const backend = await BackendProcess.start({
        name: `bench-${db}`,
        pg,
        prefix: 'bench_',
        reconcileSeconds: 3600,
        entitiesFile,
        lowerBound: true,
        database:
          db === 'sqlite'
            ? { client: 'better-sqlite3', connection: { directory: sqliteDir } }
            : undefined,
      });
      let store: Knex | undefined;
      let plain: Knex | undefined;
      let referenceStore: () => Promise<Knex>;
      try {
        if (db === 'sqlite') {
          const sqlite = (filename: string) =>
            createKnex({
              client: 'better-sqlite3',
              connection: { filename },
              useNullAsDefault: true,
            });
          plain = sqlite(join(dir, 'plain.sqlite'));
          // The backend's scheduler keeps writing its own file: the
          // references read a consistent copy, so that neither side's long
          // read or write locks the other out.
          referenceStore = async () => {
            const live = sqlite(join(sqliteDir, 'dora.sqlite'));
            const copy = join(dir, 'reference.sqlite');
            try {
              await live.raw('VACUUM INTO ?', [copy]);
            } finally {
              await live.destroy();
            }
            store = sqlite(copy);
            return store;
          };
        } else {
          const admin = pg.client('postgres');
          await admin.raw('CREATE DATABASE bench_plain');
          await admin.destroy();
          plain = pg.client('bench_plain');
          referenceStore = async () => {
            store = pg.client('bench_dora');
            return store;
          };
        }
        const result = await measureDatabase({
          db,
          size,
          seed,
          org,
          backend,
          referenceStore,
          plain,
          log,
        });
        rows.push(...result.rows);
        mismatches.push(...result.mismatches);
      } finally {
        await store?.destroy();
        await plain?.destroy();
        await backend.stop();
      }
    }
  } finally {
    pg.destroy();
  }
  printTable(rows);
  for (const m of mismatches) log(`MISMATCH ${m}`);
  const failing = rows.filter(badMiss);
  log(
    `${
      rows.filter(r => r.load !== undefined && r.load <= 1).length
    } goals met, ${
      rows.filter(r => r.load !== undefined && r.load > 1).length
    } missed (${failing.length} by more than 2x), ${
      mismatches.length
    } mismatches`,
  );
  if (!mismatches.length && !failing.length) {
    for (const d of [dir, ...BackendProcess.workDirs])
      rmSync(d, { recursive: true, force: true });
  } else
    log(`kept for inspection: ${dir} ${BackendProcess.workDirs.join(' ')}`);
  process.exit(mismatches.length || failing.length ? 1 : 0);
}

main().catch(error => {
  process.stdout.write(`[bench] FAILED: ${error?.stack ?? error}\n`);
  process.exit(1);
});

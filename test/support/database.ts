// Test databases on the real engines: a fresh in-memory PGlite, or a fresh database on the PostgreSQL server.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPgliteFromDump, openPostgres, wrapPglite, type Database } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrate.ts';

export type Engine = 'pglite' | 'postgres';

/** The engine under test: KASPR_TEST_DB=postgres runs the suites against PostgreSQL. */
export function testEngine(): Engine {
  return process.env.KASPR_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export function postgresAdminUrl(): string {
  return process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
}

export interface TestDatabase {
  db: Database;
  /** The connection string of the fresh database (PostgreSQL only). */
  url?: string;
  drop: () => Promise<void>;
}

/** A new, migrated, empty database for one test file. */
export async function createTestDatabase(engine: Engine = testEngine()): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await openPgliteFromDump(await migratedPgliteTemplate());
    await migrate(db); // a no-op on the template; proves its migrations still match the files
    return { db, drop: () => db.close() };
  }
  const name = `kaspr_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString());
  await migrate(db);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: postgresAdminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const MIGRATIONS = fileURLToPath(new URL('../../src/store/migrations/', import.meta.url));

/**
 * A dump of a freshly migrated embedded database, made once per set of migration files and kept in the temp
 * folder: opening a copy skips PGlite's initdb, the slow part of every test file's set-up.
 */
async function migratedPgliteTemplate(): Promise<Blob> {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS).sort())
    hash.update(file).update(readFileSync(join(MIGRATIONS, file)));
  const path = join(tmpdir(), `kaspr-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const raw = await PGlite.create();
  await migrate(wrapPglite(raw));
  const dump = await raw.dumpDataDir('none');
  await raw.close();
  const partial = `${path}.${String(process.pid)}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
  return dump;
}

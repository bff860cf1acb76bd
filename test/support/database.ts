// Test databases on the real engines: a fresh in-memory PGlite, or a fresh database on the PostgreSQL server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/store/db.ts';
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
    const db = await openPglite();
    await migrate(db);
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

// The national-scale bench database: a separate `kaspr_bench` database on the PostgreSQL server, reused when complete.
import pg from 'pg';
import { DEFAULT_DEADLINES, openPostgres, type Database } from '../src/store/db.ts';
import { migrate } from '../src/store/migrate.ts';

export const BENCH_DATABASE = 'kaspr_bench';

/** What a data set is made from; a stored data set is reused only when all of it matches. */
export interface DataSetSpec {
  readonly seed: number;
  readonly patients: number;
  /** Bumped whenever the generator writes different rows for the same seed and size. */
  readonly generatorVersion: number;
}

/** The admin connection: DATABASE_URL, else the local test server's `test` database (never written to). */
export function adminUrl(): string {
  return process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
}

export function benchUrl(): string {
  const url = new URL(adminUrl());
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Throws with a plain message when the PostgreSQL server does not answer. */
export async function checkServer(): Promise<string> {
  try {
    return await withAdmin(async (c) => {
      const rows = await c.query<{ version: string }>('SELECT version()');
      return rows.rows[0]?.version ?? 'unknown';
    });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`PostgreSQL is not reachable at ${new URL(adminUrl()).host} (${why}).`);
  }
}

/** True when the bench database holds a complete data set made to `spec`. */
async function completeDataSet(spec: DataSetSpec): Promise<boolean> {
  const exists = await withAdmin(
    async (c) =>
      (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DATABASE])).rows.length > 0,
  );
  if (!exists) return false;
  const client = new pg.Client({ connectionString: benchUrl() });
  await client.connect();
  try {
    const marker = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'bench' AND tablename = 'generated'`,
    );
    if (marker.rows[0]?.n !== 1) return false;
    const rows = await client.query(
      'SELECT 1 FROM bench.generated WHERE seed = $1 AND patients = $2 AND generator_version = $3',
      [spec.seed, spec.patients, spec.generatorVersion],
    );
    return rows.rows.length > 0;
  } finally {
    await client.end();
  }
}

/**
 * Opens the bench database, migrated. `reuse` is true when it already holds a complete data set to `spec`;
 * otherwise (or with `fresh`) the database is dropped and made again, empty.
 */
export async function openBenchDatabase(
  spec: DataSetSpec,
  fresh: boolean,
): Promise<{ db: Database; reuse: boolean }> {
  const reuse = !fresh && (await completeDataSet(spec));
  if (!reuse) {
    await withAdmin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${BENCH_DATABASE}`);
    });
  }
  // Generating and backfilling a national data set runs statements far longer than a request's deadline.
  const db = openPostgres(benchUrl(), undefined, {
    ...DEFAULT_DEADLINES,
    statementTimeoutMs: 0,
    queryTimeoutMs: 0,
  });
  await migrate(db);
  return { db, reuse };
}

/** Records that the data set is complete (the last step of generation). */
export async function markComplete(db: Database, spec: DataSetSpec, seconds: number): Promise<void> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS bench.generated (seed integer NOT NULL, patients integer NOT NULL,
       generator_version integer NOT NULL, seconds numeric NOT NULL, finished_at timestamptz NOT NULL DEFAULT now())`,
  );
  await db.query(
    'INSERT INTO bench.generated (seed, patients, generator_version, seconds) VALUES ($1, $2, $3, $4)',
    [spec.seed, spec.patients, spec.generatorVersion, seconds],
  );
}

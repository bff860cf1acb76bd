// One database interface over the two engines: PGlite (embedded, default) and PostgreSQL (DATABASE_URL).
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';

/** Anything that can run a parameterised SQL statement. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A database connection (pool) with transactions. */
export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: all of it commits, or none of it does. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

// Dates stay 'YYYY-MM-DD' strings on both engines (a birth date has no time zone); int8 becomes a number.
const keepDate = (value: string): string => value;

/** Opens the embedded engine: a folder path, or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<Database> {
  const options = { parsers: { [DATE_OID]: keepDate, [pgliteTypes.INT8]: (v: string) => Number(v) } };
  const db = dataDir === undefined ? await PGlite.create(options) : await PGlite.create(dataDir, options);
  return wrapPglite(db);
}

/** Wraps an open PGlite instance. */
export function wrapPglite(db: PGlite): Database {
  const run = async <T>(q: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]): Promise<T[]> => {
    const result = await q.query<T>(sql, params ? [...params] : []);
    return result.rows;
  };
  return {
    engine: 'pglite',
    query: (sql, params) => run(db, sql, params),
    transaction: (fn) => db.transaction((tx) => fn({ query: (sql, params) => run(tx, sql, params) })),
    close: async () => {
      if (!db.closed) {
        await db.query('CHECKPOINT');
        await db.close();
      }
    },
  };
}

/** Opens a PostgreSQL pool. Pool and client errors are handled so a dropped connection never kills the process. */
export function openPostgres(connectionString: string, onError?: (err: Error) => void): Database {
  const types = new pg.TypeOverrides();
  types.setTypeParser(DATE_OID, keepDate);
  types.setTypeParser(INT8_OID, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString, max: 10, types });
  // node-postgres#1542/#2386: an idle client's 'error' would otherwise crash the process.
  pool.on('error', (err) => onError?.(err));
  pool.on('connect', (client) => client.on('error', (err) => onError?.(err)));
  const run = async <T>(
    c: pg.Pool | pg.PoolClient,
    sql: string,
    params?: readonly unknown[],
  ): Promise<T[]> => {
    const result = await c.query(sql, params ? [...params] : []);
    return result.rows as T[];
  };
  return {
    engine: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn({ query: (sql, params) => run(client, sql, params) });
        await client.query('COMMIT');
        return value;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

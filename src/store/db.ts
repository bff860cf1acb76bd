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

const PGLITE_PARSERS = { [DATE_OID]: keepDate, [pgliteTypes.INT8]: (v: string) => Number(v) };

/** Opens the embedded engine: a folder path, or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<Database> {
  const options = { parsers: PGLITE_PARSERS };
  const db = dataDir === undefined ? await PGlite.create(options) : await PGlite.create(dataDir, options);
  return wrapPglite(db);
}

/** Opens an in-memory embedded database from a data-folder dump (see `dumpPglite`), skipping initdb. */
export async function openPgliteFromDump(dump: Blob): Promise<Database> {
  return wrapPglite(await PGlite.create({ parsers: PGLITE_PARSERS, loadDataDir: dump }));
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

/** Deadlines towards PostgreSQL, in milliseconds; 0 turns one off (the migration pool turns off the statement ones). */
export interface PostgresDeadlines {
  /** Opening a connection, and waiting for a free one in the pool. */
  connectTimeoutMs: number;
  /** Server side: statement_timeout for every session. */
  statementTimeoutMs: number;
  /** Server side: idle_in_transaction_session_timeout. */
  idleInTransactionTimeoutMs: number;
  /** Client side: one query, for a link so frozen that the server's own timeout never arrives. */
  queryTimeoutMs: number;
  /** TCP keepalive: first probe after this idle time. */
  keepAliveMs: number;
}

export const DEFAULT_DEADLINES: PostgresDeadlines = {
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
  queryTimeoutMs: 35_000,
  keepAliveMs: 10_000,
};

/** The database did not answer in time, or the connection to it failed: the request is a 503, not a 500. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'KASPR_DB_UNAVAILABLE';
  constructor(cause: unknown) {
    super(`The database is not answering: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

// SQLSTATE 08xxx connection exception, 57014 statement timeout, 57P0x shutdown, 25P03 idle-in-transaction timeout.
const UNAVAILABLE_SQLSTATE = /^(08...|57014|57P0[1-3]|25P03)$/;
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
// node-postgres and pg-pool raise these without a code.
const UNAVAILABLE_MESSAGE =
  /^(Query read timeout|timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error)/;

/** True for a timeout or connection failure (as opposed to an error in the SQL or the data). */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code)))
    return true;
  return UNAVAILABLE_MESSAGE.test(err.message);
}

const asUnavailable = (err: unknown): unknown =>
  isDatabaseUnavailable(err) && !(err instanceof DatabaseUnavailableError)
    ? new DatabaseUnavailableError(err)
    : err;

/** Answers whether the database runs `SELECT 1` within `timeoutMs`; never waits longer, never throws. */
export async function databaseAnswers(db: Queryable, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = db.query('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Opens a PostgreSQL pool. Pool and client errors are handled so a dropped connection never kills the process. */
export function openPostgres(
  connectionString: string,
  onError?: (err: Error) => void,
  deadlines: PostgresDeadlines = DEFAULT_DEADLINES,
): Database {
  const types = new pg.TypeOverrides();
  types.setTypeParser(DATE_OID, keepDate);
  types.setTypeParser(INT8_OID, (v: string) => Number(v));
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    types,
    connectionTimeoutMillis: deadlines.connectTimeoutMs,
    ...(deadlines.statementTimeoutMs > 0 ? { statement_timeout: deadlines.statementTimeoutMs } : {}),
    ...(deadlines.idleInTransactionTimeoutMs > 0
      ? { idle_in_transaction_session_timeout: deadlines.idleInTransactionTimeoutMs }
      : {}),
    ...(deadlines.queryTimeoutMs > 0 ? { query_timeout: deadlines.queryTimeoutMs } : {}),
    keepAlive: deadlines.keepAliveMs > 0,
    keepAliveInitialDelayMillis: deadlines.keepAliveMs,
  });
  // node-postgres#1542/#2386: an idle client's 'error' would otherwise crash the process.
  pool.on('error', (err) => onError?.(err));
  pool.on('connect', (client) => client.on('error', (err) => onError?.(err)));
  const run = async <T>(
    c: pg.Pool | pg.PoolClient,
    sql: string,
    params?: readonly unknown[],
  ): Promise<T[]> => {
    try {
      const result = await c.query(sql, params ? [...params] : []);
      return result.rows as T[];
    } catch (err) {
      throw asUnavailable(err);
    }
  };
  return {
    engine: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    transaction: async (fn) => {
      const client = await pool.connect().catch((err: unknown) => {
        throw asUnavailable(err);
      });
      let broken = false;
      try {
        await run(client, 'BEGIN');
        const value = await fn({ query: (sql, params) => run(client, sql, params) });
        await run(client, 'COMMIT');
        return value;
      } catch (err) {
        // A connection that timed out or failed is not asked to ROLLBACK (that would wait a second deadline):
        // it is thrown away, and the server rolls the transaction back when the connection goes.
        broken = isDatabaseUnavailable(err);
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Runs an `INSERT … RETURNING` and gives back its one row; the store's one place for "the insert must return
 * a row" (a trigger or rule that swallowed the row is a server fault, not a user error).
 */
export async function insertReturning<T = { id: string }>(
  tx: Queryable,
  sql: string,
  params: readonly unknown[],
): Promise<T> {
  const [row] = await tx.query<T>(sql, params);
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** `insertReturning` for the common case: the new row's id. */
export async function insertReturningId(
  tx: Queryable,
  sql: string,
  params: readonly unknown[],
): Promise<string> {
  return (await insertReturning<{ id: string }>(tx, sql, params)).id;
}

/** `INSERT INTO <table> (<columns>) VALUES ($1, …)`: the row's keys are its columns, in the order written. */
function insertStatement(table: string, row: Readonly<Record<string, unknown>>): string {
  const columns = Object.keys(row);
  // Table and column names are the store's own literals, never input; refuse anything else outright.
  for (const name of [table, ...columns])
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a column or table name: ${name}`);
  const placeholders = columns.map((_, i) => `$${i + 1}`);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders.join(', ')})`;
}

/** The named fields of `source` as a row for `insertRow`/`insertValues`, each in its snake_case column. */
export function columnsOf<T extends object>(
  source: T,
  fields: readonly (keyof T & string)[],
): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((f) => [f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), source[f]]),
  );
}

/** Inserts one row, its columns named by the keys of `row`, and returns the new row's id. */
export async function insertRow(
  tx: Queryable,
  table: string,
  row: Readonly<Record<string, unknown>>,
): Promise<string> {
  return await insertReturningId(tx, `${insertStatement(table, row)} RETURNING id`, Object.values(row));
}

/** Inserts one row, its columns named by the keys of `row`, when nothing is read back. */
export async function insertValues(
  tx: Queryable,
  table: string,
  row: Readonly<Record<string, unknown>>,
): Promise<void> {
  await tx.query(insertStatement(table, row), Object.values(row));
}

/** The first row a query returns, or undefined when it returns none. */
export async function firstRow<T>(
  db: Queryable,
  sql: string,
  params: readonly unknown[],
): Promise<T | undefined> {
  return (await db.query<T>(sql, params))[0];
}

/** True when the query returns at least one row. */
export async function rowExists(db: Queryable, sql: string, params: readonly unknown[]): Promise<boolean> {
  return (await db.query(sql, params)).length > 0;
}

/**
 * The database as seen from inside an open transaction: queries run in it, and a `transaction` started by code
 * that expects to open its own joins it instead (so several native steps commit, or roll back, as one).
 */
export function joinTransaction(db: Database, tx: Queryable): Database {
  return {
    engine: db.engine,
    query: (sql, params) => tx.query(sql, params),
    transaction: (fn) => fn(tx),
    close: () => Promise.reject(new Error('a joined transaction is closed by its owner')),
  };
}

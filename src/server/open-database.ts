// Opens the configured database: PostgreSQL when DATABASE_URL is set, else the embedded engine in the data folder.
import { resolve } from 'node:path';
import type { Config } from '../config/env.ts';
import { openPglite, openPostgres, type Database, type PostgresDeadlines } from '../store/db.ts';
import { migrate } from '../store/migrate.ts';
import { isHalfInitialised, lockDataDir, pgDataPath } from './data-dir.ts';
import { assertDatabaseComplete, assertNoRestoreMarkerFile } from './restore-state.ts';

export interface OpenedDatabase {
  db: Database;
  close: () => Promise<void>;
}

/** Opens, locks (embedded) and migrates the database; fails fast with a message an operator can act on. */
export async function openDatabase(config: Config, onError?: (err: Error) => void): Promise<OpenedDatabase> {
  if (config.DATABASE_URL) {
    const deadlines: PostgresDeadlines = {
      connectTimeoutMs: config.KASPR_DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: config.KASPR_DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: config.KASPR_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      queryTimeoutMs: config.KASPR_DB_QUERY_TIMEOUT_MS,
      keepAliveMs: config.KASPR_DB_KEEPALIVE_MS,
    };
    // Migrations may rightly run longer than a request's statement deadline: they get their own short-lived pool.
    const migrator = openPostgres(config.DATABASE_URL, onError, {
      ...deadlines,
      statementTimeoutMs: 0,
      idleInTransactionTimeoutMs: 0,
      queryTimeoutMs: 0,
    });
    try {
      await assertDatabaseComplete(migrator);
      await migrate(migrator);
    } finally {
      await migrator.close();
    }
    const db = openPostgres(config.DATABASE_URL, onError, deadlines);
    return { db, close: () => db.close() };
  }
  const dir = resolve(config.KASPR_DATA_DIR);
  const release = lockDataDir(dir);
  try {
    assertNoRestoreMarkerFile(dir);
    if (isHalfInitialised(dir)) {
      throw new Error(
        `The database in ${pgDataPath(dir)} was never fully created (a run was stopped while creating it). ` +
          'Move that folder aside and start again, or restore a backup with `npx kaspr restore`.',
      );
    }
    const db = await openPglite(pgDataPath(dir));
    await assertDatabaseComplete(db).catch(async (err: unknown) => {
      await db.close();
      throw err;
    });
    await migrate(db);
    return {
      db,
      close: async () => {
        await db.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

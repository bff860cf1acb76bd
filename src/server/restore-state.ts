// Start-up refusals after an unfinished restore: the restore marker (a file in the embedded data folder, a row in
// PostgreSQL) and a database whose migrations say tables exist that are not there.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../store/db.ts';

/** Written into the data folder before an embedded restore touches it; removed once the restore is verified. */
export const RESTORE_MARKER_FILE = 'restore-in-progress.json';
/** Holds one row while a PostgreSQL restore runs; never part of a backup (pg_dump excludes it). */
export const RESTORE_MARKER_TABLE = 'kaspr_restore_in_progress';

const MIGRATIONS_DIR = fileURLToPath(new URL('../store/migrations/', import.meta.url));

export interface RestoreMarker {
  startedAt: string;
  source: string;
  pid: number;
}

const unfinished = (where: string, marker: RestoreMarker | null, how: string): Error =>
  new Error(
    `A restore into ${where} did not finish` +
      (marker ? ` (started ${marker.startedAt} from ${marker.source}, pid ${marker.pid})` : '') +
      ': the database may be partial, so KASPR will not use it. Run the restore again ' +
      `(\`npx kaspr restore FILE --force\`) and let it finish; ${how}`,
  );

export function restoreMarkerPath(dir: string): string {
  return join(dir, RESTORE_MARKER_FILE);
}

export function writeRestoreMarkerFile(dir: string, marker: RestoreMarker): void {
  writeFileSync(restoreMarkerPath(dir), JSON.stringify(marker), { mode: 0o600 });
}

export function clearRestoreMarkerFile(dir: string): void {
  rmSync(restoreMarkerPath(dir), { force: true });
}

/** Throws while an embedded restore into `dir` has not finished (its marker file is there). */
export function assertNoRestoreMarkerFile(dir: string): void {
  const path = restoreMarkerPath(dir);
  if (!existsSync(path)) return;
  let marker: RestoreMarker | null = null;
  try {
    marker = JSON.parse(readFileSync(path, 'utf8')) as RestoreMarker;
  } catch {
    marker = null;
  }
  throw unfinished(
    dir,
    marker,
    `only if you have checked the database yourself, delete ${path} to use it as it is.`,
  );
}

/** Throws while a PostgreSQL restore has left its marker row. */
export async function assertNoRestoreMarkerRow(db: Queryable): Promise<void> {
  const [t] = await db.query<{ t: string | null }>(
    `SELECT to_regclass('public.${RESTORE_MARKER_TABLE}')::text AS t`,
  );
  if (!t?.t) return;
  const [row] = await db.query<{ started_at: Date; source: string; pid: number }>(
    `SELECT started_at, source, pid FROM ${RESTORE_MARKER_TABLE} ORDER BY started_at DESC LIMIT 1`,
  );
  if (!row) return;
  throw unfinished(
    'this database',
    { startedAt: row.started_at.toISOString(), source: row.source, pid: row.pid },
    `only if you have checked the database yourself, DROP TABLE ${RESTORE_MARKER_TABLE} to use it as it is.`,
  );
}

/** The tables each migration file creates (and later ones drop), read from the SQL. */
function tablesOfMigrations(ids: readonly string[]): { created: Map<string, string>; dropped: Set<string> } {
  const created = new Map<string, string>();
  const dropped = new Set<string>();
  const known = new Set(readdirSync(MIGRATIONS_DIR));
  for (const id of ids) {
    if (!known.has(id)) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, id), 'utf8').replace(/--.*$/gm, '');
    for (const m of sql.matchAll(/CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)"?/gi)) {
      if (m[1]) created.set(m[1].toLowerCase(), id);
    }
    for (const m of sql.matchAll(/DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)"?/gi)) {
      if (m[1]) dropped.add(m[1].toLowerCase());
    }
  }
  return { created, dropped };
}

/** Tables that applied migrations created and that are missing: a partial database, never to be migrated over. */
export async function missingTables(db: Queryable): Promise<{ table: string; migration: string }[]> {
  const [t] = await db.query<{ t: string | null }>(
    `SELECT to_regclass('public.kaspr_migrations')::text AS t`,
  );
  if (!t?.t) return [];
  const applied = (await db.query<{ id: string }>('SELECT id FROM kaspr_migrations ORDER BY id')).map(
    (r) => r.id,
  );
  const { created, dropped } = tablesOfMigrations(applied);
  const present = new Set(
    (
      await db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      )
    ).map((r) => r.table_name),
  );
  return [...created]
    .filter(([table]) => !present.has(table) && !dropped.has(table))
    .map(([table, migration]) => ({ table, migration }));
}

/**
 * Refuses a database that a restore left unfinished, or whose migrations table lists migrations whose tables
 * are missing (a start must never migrate over a partial database, create an administrator on it, or call its
 * audit chain intact).
 */
export async function assertDatabaseComplete(db: Queryable): Promise<void> {
  await assertNoRestoreMarkerRow(db);
  const missing = await missingTables(db);
  if (missing.length === 0) return;
  const shown = missing
    .slice(0, 5)
    .map((m) => `${m.table} (${m.migration})`)
    .join(', ');
  throw new Error(
    `The database is incomplete: its migrations table says they were applied, but ${missing.length} of their ` +
      `tables are missing: ${shown}${missing.length > 5 ? ', …' : ''}. It is probably a partial restore. ` +
      'KASPR will not start on it: restore a backup again (`npx kaspr restore FILE --force`).',
  );
}

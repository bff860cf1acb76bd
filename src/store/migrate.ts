// Applies the numbered SQL migrations in order, once each, recording a checksum of each file.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './db.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
// Serialises migrations when several app servers start against one PostgreSQL at once.
const MIGRATION_LOCK_KEY = 727_001;

export interface MigrationResult {
  applied: string[];
}

/** Applies every migration not yet applied, each in its own transaction. Refuses an edited migration. */
export async function migrate(db: Database): Promise<MigrationResult> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();
  await db.query(
    `CREATE TABLE IF NOT EXISTS kaspr_migrations (
       id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const applied: string[] = [];
  for (const file of files) {
    const sql = await readFile(MIGRATIONS_DIR + file, 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const done = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM kaspr_migrations WHERE id = $1',
        [file],
      );
      if (done[0]) {
        if (done[0].checksum !== checksum) {
          throw new Error(`Migration ${file} was changed after it was applied; add a new migration instead.`);
        }
        return;
      }
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO kaspr_migrations (id, checksum) VALUES ($1, $2)', [file, checksum]);
      applied.push(file);
    });
  }
  return { applied };
}

/** Splits a migration into statements, keeping dollar-quoted function bodies whole. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    const trimmed = line.trim();
    if (!inDollar && (trimmed.startsWith('--') || trimmed === '')) continue;
    current += line + '\n';
    const dollars = (line.match(/\$\$/g) ?? []).length;
    if (dollars % 2 === 1) inDollar = !inDollar;
    if (!inDollar && trimmed.endsWith(';')) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

// The backup manifest: taken with the backup (row counts, chain heads, migrations), checked after a restore.
import { readFileSync } from 'node:fs';
import { GENESIS_HASH, verifyAuditChain } from '../../store/audit.ts';
import type { Queryable } from '../../store/db.ts';
import { verifyLedgerChain } from '../../store/ledger.ts';
import { RESTORE_MARKER_TABLE } from '../../server/restore-state.ts';
import type { BackupManifest } from './backup-file.ts';

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;
/** Tables whose rows a fresh start writes by itself: rows there alone are not "data" to protect. */
const NOT_DATA = new Set(['kaspr_migrations', 'audit_anchor_keys', RESTORE_MARKER_TABLE]);

export function kasprVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Base tables of the public schema (never the restore marker). */
export async function publicTables(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name).filter((t) => t !== RESTORE_MARKER_TABLE && TABLE_NAME.test(t));
}

export async function tableCounts(db: Queryable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await publicTables(db)) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM public."${table}"`);
    counts[table] = row?.n ?? 0;
  }
  return counts;
}

/** The tables holding rows, for refusing to restore over a database in use. */
export async function dataFound(db: Queryable): Promise<{ table: string; rows: number }[]> {
  const counts = await tableCounts(db);
  return Object.entries(counts)
    .filter(([table, rows]) => rows > 0 && !NOT_DATA.has(table))
    .map(([table, rows]) => ({ table, rows }));
}

export function describeData(found: { table: string; rows: number }[]): string {
  const key = ['users', 'patients', 'audit_log', 'cd_entries'];
  const first = [...found].sort((a, b) => {
    const ka = key.indexOf(a.table);
    const kb = key.indexOf(b.table);
    return (ka < 0 ? 99 : ka) - (kb < 0 ? 99 : kb) || a.table.localeCompare(b.table);
  });
  const shown = first.slice(0, 6).map((f) => `${f.table}: ${f.rows} rows`);
  return shown.join(', ') + (found.length > 6 ? `, and ${found.length - 6} more tables` : '');
}

async function chainHead(
  db: Queryable,
  table: 'audit_log' | 'cd_entries',
): Promise<{ rows: number; head: string }> {
  const tables = await publicTables(db);
  if (!tables.includes(table)) return { rows: 0, head: GENESIS_HASH };
  // The sealed chain only: audit entries not yet sealed have no place in it (decision record 016).
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE seq IS NOT NULL`,
  );
  const [last] = await db.query<{ hash: string }>(
    `SELECT hash FROM ${table} WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`,
  );
  return { rows: count?.n ?? 0, head: last?.hash ?? GENESIS_HASH };
}

/** Takes the manifest of the database as `db` sees it (call inside the backup's snapshot). */
export async function takeManifest(db: Queryable, engine: 'pglite' | 'postgres'): Promise<BackupManifest> {
  return {
    kasprVersion: kasprVersion(),
    createdAt: new Date().toISOString(),
    engine,
    migrations: await db.query<{ id: string; checksum: string }>(
      'SELECT id, checksum FROM kaspr_migrations ORDER BY id',
    ),
    tables: await tableCounts(db),
    auditChain: await chainHead(db, 'audit_log'),
    cdRegisterChain: await chainHead(db, 'cd_entries'),
  };
}

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * SQL that raises an error (so the restore's transaction rolls back) unless the restored tables hold the
 * manifest's row counts, chain heads and migrations.
 */
export function manifestCheckSql(m: BackupManifest): string {
  const lines: string[] = [];
  for (const [table, rows] of Object.entries(m.tables)) {
    if (!TABLE_NAME.test(table) || !Number.isInteger(rows))
      throw new Error('The backup manifest is malformed.');
    lines.push(
      `  SELECT count(*) INTO n FROM public."${table}";`,
      `  IF n <> ${rows} THEN RAISE EXCEPTION 'KASPR backup manifest mismatch: table ${table} holds % rows, the manifest says ${rows}', n; END IF;`,
    );
  }
  for (const [table, chain] of [
    ['audit_log', m.auditChain],
    ['cd_entries', m.cdRegisterChain],
  ] as const) {
    if (!(table in m.tables)) continue;
    lines.push(
      `  SELECT coalesce((SELECT hash FROM public.${table} WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1), ${lit(GENESIS_HASH)}) INTO h;`,
      `  IF h <> ${lit(chain.head)} THEN RAISE EXCEPTION 'KASPR backup manifest mismatch: the ${table} chain head is %, the manifest says ${chain.head}', h; END IF;`,
    );
  }
  const migrations = m.migrations.map((x) => `${x.id}=${x.checksum}`).join(',');
  lines.push(
    `  SELECT coalesce(string_agg(id || '=' || checksum, ',' ORDER BY id), '') INTO h FROM public.kaspr_migrations;`,
    `  IF h <> ${lit(migrations)} THEN RAISE EXCEPTION 'KASPR backup manifest mismatch: the applied migrations differ from the manifest''s'; END IF;`,
  );
  return `DO $kaspr_manifest$\nDECLARE n bigint; h text;\nBEGIN\n${lines.join('\n')}\nEND\n$kaspr_manifest$;\n`;
}

/**
 * Checks a restored database against the manifest: every chain recomputed from its entries, and the counts,
 * heads and migrations equal. Returns the mismatches (empty when it agrees).
 */
export async function compareWithManifest(db: Queryable, m: BackupManifest): Promise<string[]> {
  const problems: string[] = [];
  const counts = await tableCounts(db);
  for (const [table, rows] of Object.entries(m.tables)) {
    if (counts[table] !== rows)
      problems.push(`table ${table} holds ${counts[table] ?? 'no'} rows, the manifest says ${rows}`);
  }
  const migrations = await db.query<{ id: string; checksum: string }>(
    'SELECT id, checksum FROM kaspr_migrations ORDER BY id',
  );
  if (JSON.stringify(migrations) !== JSON.stringify(m.migrations))
    problems.push('the applied migrations differ from the manifest');
  const chains = [
    ['audit log', m.auditChain, await verifyAuditChain(db)],
    [
      'controlled-drug register',
      m.cdRegisterChain,
      'cd_entries' in counts
        ? await verifyLedgerChain(db)
        : { intact: true, rows: 0, headHash: GENESIS_HASH },
    ],
  ] as const;
  for (const [name, expected, actual] of chains) {
    if (!actual.intact) problems.push(`the ${name} chain is broken after ${actual.rows} entries`);
    else if (actual.rows !== expected.rows || actual.headHash !== expected.head)
      problems.push(
        `the ${name} chain has ${actual.rows} entries, head ${actual.headHash}; the manifest says ${expected.rows}, head ${expected.head}`,
      );
  }
  return problems;
}

// A digest of every table's rows, to prove that a refused request changed nothing (not even an UPDATE).
import type { Database } from '../../src/store/db.ts';

/**
 * Tables a refused request may legitimately change: the audit trail (denials are audited), the signed-in
 * sessions (last seen), sign-in throttling and the idempotency cache.
 */
export const BOOKKEEPING_TABLES = [
  'audit_log',
  'audit_anchor_keys',
  'sessions',
  'login_attempts',
  'sign_in_lockouts',
  'idempotency_keys',
] as const;

/** One md5 per table (order-independent, over each row's text), for every table in the public schema. */
export async function tableDigest(
  db: Database,
  skip: readonly string[] = BOOKKEEPING_TABLES,
): Promise<Record<string, string>> {
  const tables = (
    await db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    )
  )
    .map((t) => t.name)
    .filter((t) => !skip.includes(t) && /^[a-z_][a-z0-9_]*$/.test(t));
  const sql = tables
    .map(
      (t) =>
        `SELECT '${t}' AS name, (SELECT md5(coalesce(string_agg(md5(r::text), '' ORDER BY md5(r::text)), '')) FROM ${t} r) AS digest`,
    )
    .join(' UNION ALL ');
  const rows = await db.query<{ name: string; digest: string }>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

/** The tables whose digest differs between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}

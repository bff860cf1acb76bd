// Names and addresses the register prints (staff, patients, locations); the register itself holds only ids.
import type { Directory, LedgerEntry, Location, Party } from '../domain/ledger/index.ts';
import type { Queryable } from './db.ts';

/** "Alice North" → "AN". */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

/** Display names of the given users, by id. */
export async function staffNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.query<{ id: string; display_name: string }>(
    'SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])',
    [unique],
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Every id of a person the entries name: authors, witnesses, who administered, prescribers. */
export function staffIdsOf(entries: readonly LedgerEntry[]): string[] {
  return entries.flatMap((e) => [
    e.authorId,
    ...e.witnesses.map((w) => w.userId),
    ...(e.administeredById === undefined ? [] : [e.administeredById]),
    ...(e.prescriberId === undefined ? [] : [e.prescriberId]),
  ]);
}

/**
 * The directory for regulator views: staff by display name (with initials, 21 CFR 1304.22(c)(4)), patients by
 * current name and address (1304.22(c)(4), reg 19 "name and address of person supplied"), locations by name
 * and premises.
 */
export async function loadDirectory(
  db: Queryable,
  entries: readonly LedgerEntry[],
  locations: readonly Location[],
): Promise<Directory> {
  const directory: Record<string, Party> = {};
  for (const [id, name] of await staffNames(db, staffIdsOf(entries))) {
    directory[id] = { name, initials: initialsOf(name) };
  }
  const patientIds = [...new Set(entries.flatMap((e) => (e.patientId === undefined ? [] : [e.patientId])))];
  if (patientIds.length > 0) {
    const rows = await db.query<{
      id: string;
      given_name: string;
      family_name: string;
      address: string | null;
    }>(
      `SELECT p.id, v.given_name, v.family_name, v.data->'contact'->>'address' AS address
       FROM patients p JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
       WHERE p.id = ANY($1::uuid[])`,
      [patientIds],
    );
    for (const r of rows) {
      directory[r.id] = {
        name: `${r.given_name} ${r.family_name}`,
        ...(r.address ? { address: r.address } : {}),
      };
    }
  }
  for (const location of locations) {
    directory[location.id] = {
      name: `${location.name}, ${location.premisesId}`,
      address: location.premisesId,
    };
  }
  return directory;
}

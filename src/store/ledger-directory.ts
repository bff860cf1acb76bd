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
 * Who is reading the register: the services they belong to, and whether their role lets them read patients.
 * A register read is scoped by it (see `visibleLocationIds`), and a patient's name and address are printed
 * only for a patient the reader may read.
 */
export interface RegisterReader {
  readonly serviceIds: readonly string[];
  readonly readsPatients: boolean;
}

/**
 * The stock locations a reader may see. A location has no service of its own, so it belongs to:
 * - the services of the patients whose entries it holds (administered from it, returned to it), and
 * - the services of the member of staff who set it up (who answers for its stock before any dose is drawn).
 * A reader sees a location when they share a service with either. A location tied to no service at all (set
 * up by someone with no service, and holding no patient's entry) names nobody and is seen by every reader.
 */
export async function visibleLocationIds(db: Queryable, reader: RegisterReader): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>(
    `SELECT l.id FROM cd_locations l
     WHERE EXISTS (SELECT 1 FROM cd_location_patients lp JOIN patients p ON p.id = lp.patient_id
                   WHERE lp.location_id = l.id AND p.service_id = ANY($1::uuid[]))
        OR EXISTS (SELECT 1 FROM user_services us
                   WHERE us.user_id = l.created_by AND us.service_id = ANY($1::uuid[]))
        OR (NOT EXISTS (SELECT 1 FROM cd_location_patients lp WHERE lp.location_id = l.id)
            AND NOT EXISTS (SELECT 1 FROM user_services us WHERE us.user_id = l.created_by))`,
    [[...reader.serviceIds]],
  );
  return new Set(rows.map((r) => r.id));
}

/** "Patient 3f2a9c1b": how a patient the reader may not read is shown, on the screen and in every export alike. */
export function patientReference(patientId: string): string {
  return `Patient ${patientId.slice(0, 8)}`;
}

/** The address on a patient's current record, if any: what an administration keeps when none is entered. */
export async function recordedAddressOf(db: Queryable, patientId: string): Promise<string | undefined> {
  const rows = await db.query<{ address: string | null }>(
    `SELECT v.data->'contact'->>'address' AS address
     FROM patients p JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
     WHERE p.id = $1`,
    [patientId],
  );
  const address = rows[0]?.address?.trim();
  return address ? address : undefined;
}

/** The patients a directory names (rather than withholds) among those the entries are for: each is a patient read. */
export function namedPatientIds(directory: Directory, entries: readonly LedgerEntry[]): string[] {
  const ids = new Set(entries.flatMap((e) => (e.patientId === undefined ? [] : [e.patientId])));
  return [...ids].filter((id) => directory[id] !== undefined && directory[id].withheld !== true);
}

/**
 * The directory for regulator views: staff by display name (with initials, 21 CFR 1304.22(c)(4)), patients by
 * current name and address (1304.22(c)(4), reg 19 "name and address of person supplied") when the reader may
 * read them (their role reads patients and the patient is in one of their services), otherwise by a short
 * reference only; locations by name and premises.
 */
export async function loadDirectory(
  db: Queryable,
  entries: readonly LedgerEntry[],
  locations: readonly Location[],
  reader: RegisterReader,
): Promise<Directory> {
  const directory: Record<string, Party> = {};
  for (const [id, name] of await staffNames(db, staffIdsOf(entries))) {
    directory[id] = { name, initials: initialsOf(name) };
  }
  const patientIds = [...new Set(entries.flatMap((e) => (e.patientId === undefined ? [] : [e.patientId])))];
  for (const id of patientIds) directory[id] = { name: patientReference(id), withheld: true };
  if (patientIds.length > 0 && reader.readsPatients && reader.serviceIds.length > 0) {
    const rows = await db.query<{
      id: string;
      given_name: string;
      family_name: string;
      address: string | null;
    }>(
      `SELECT p.id, v.given_name, v.family_name, v.data->'contact'->>'address' AS address
       FROM patients p JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
       WHERE p.id = ANY($1::uuid[]) AND p.service_id = ANY($2::uuid[])`,
      [patientIds, [...reader.serviceIds]],
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

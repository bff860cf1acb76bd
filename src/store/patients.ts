// The patient registry: identities, immutable versions, search, scoped to the services a user works in.
import type { CreatePatient, PatientRecord, PatientSummary, PatientVersion } from '../schemas/patient.ts';
import { isPlausibleIsoDate } from '../schemas/common.ts';
import { insertReturningId, type Queryable } from './db.ts';

type PatientContent = PatientVersion['record'];

/** A patient's identity row with its current version, as read from the database. */
export interface PatientRow {
  id: string;
  service_id: string;
  version: number;
  data: PatientContent;
  created_at: Date;
  recorded_at: Date;
  recorded_by: string;
}

const SELECT_CURRENT = `
  SELECT p.id, p.service_id, v.version, v.data, p.created_at, v.recorded_at, v.recorded_by
  FROM patients p JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version`;

/** The record an API answers with, from its row. */
export function toRecord(row: PatientRow): PatientRecord {
  return {
    ...row.data,
    id: row.id,
    serviceId: row.service_id,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.recorded_at.toISOString(),
    updatedBy: row.recorded_by,
  };
}

/** Who stated a record's allergy status, and when (kept in the version beside the status). */
export type AllergyStatusRecorded = NonNullable<PatientContent['allergyStatusRecorded']>;

/**
 * The version content from a validated create request (normalised, empty lists made explicit), with who stated
 * its allergy status when it has one.
 */
export function contentOf(
  input: Omit<CreatePatient, 'serviceId'>,
  allergyStatusRecorded?: AllergyStatusRecorded,
): PatientContent {
  return {
    givenName: input.givenName,
    familyName: input.familyName,
    birthDate: input.birthDate,
    ...(input.sex ? { sex: input.sex } : {}),
    identifiers: input.identifiers ?? [],
    ...(input.contact ? { contact: input.contact } : {}),
    ...(input.gp ? { gp: input.gp } : {}),
    ...(input.weight ? { weight: input.weight } : {}),
    ...(input.height ? { height: input.height } : {}),
    allergies: input.allergies ?? [],
    ...(input.allergyStatus ? { allergyStatus: input.allergyStatus } : {}),
    ...(input.allergyStatus && allergyStatusRecorded ? { allergyStatusRecorded } : {}),
    medications: input.medications ?? [],
  };
}

/** The clinical content of a record (what a version holds), without its identity and version fields. */
export function recordContent(record: PatientRecord): PatientContent {
  const {
    id: _id,
    serviceId: _s,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    updatedBy: _b,
    ...content
  } = record;
  return content;
}

async function insertVersion(
  tx: Queryable,
  patientId: string,
  version: number,
  content: PatientContent,
  by: string,
  at: Date,
  reason: string | null,
): Promise<void> {
  const id = (system: string) => content.identifiers.find((i) => i.system === system)?.value ?? null;
  await tx.query(
    `INSERT INTO patient_versions (patient_id, version, given_name, family_name, birth_date, nhs_number, mrn, data,
       reason, recorded_at, recorded_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [
      patientId,
      version,
      content.givenName,
      content.familyName,
      content.birthDate,
      id('nhs'),
      id('mrn'),
      JSON.stringify(content),
      reason,
      at,
      by,
    ],
  );
}

export async function insertPatient(
  tx: Queryable,
  serviceId: string,
  content: PatientContent,
  by: string,
  at: Date,
): Promise<PatientRecord> {
  const id = await insertReturningId(
    tx,
    'INSERT INTO patients (service_id, current_version, created_at) VALUES ($1, 1, $2) RETURNING id',
    [serviceId, at],
  );
  await insertVersion(tx, id, 1, content, by, at, null);
  return writtenPatient(tx, id, 'insert');
}

/** Adds a new version and moves the patient to it; the caller has checked the expected version. */
export async function correctPatient(
  tx: Queryable,
  patientId: string,
  nextVersion: number,
  content: PatientContent,
  by: string,
  at: Date,
  reason: string,
): Promise<PatientRecord> {
  await insertVersion(tx, patientId, nextVersion, content, by, at, reason);
  await tx.query('UPDATE patients SET current_version = $2 WHERE id = $1', [patientId, nextVersion]);
  return writtenPatient(tx, patientId, 'update');
}

/** The patient this request has just written: it exists, so a miss is a server fault, not a 404. */
async function writtenPatient(tx: Queryable, id: string, write: 'insert' | 'update'): Promise<PatientRecord> {
  const patient = await findPatient(tx, id);
  if (!patient) throw new Error(`patient vanished after ${write}`);
  return patient;
}

/** Reads and locks the patient row so concurrent corrections are serialised (PostgreSQL; PGlite is serial). */
export async function lockPatient(
  tx: Queryable,
  patientId: string,
): Promise<{ current_version: number } | undefined> {
  const rows = await tx.query<{ current_version: number }>(
    'SELECT current_version FROM patients WHERE id = $1 FOR UPDATE',
    [patientId],
  );
  return rows[0];
}

export async function findPatient(db: Queryable, id: string): Promise<PatientRecord | undefined> {
  const rows = await db.query<PatientRow>(`${SELECT_CURRENT} WHERE p.id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/** The current record of each patient in these services (optionally only these patients), oldest first. */
export async function currentPatients(
  db: Queryable,
  scope: { serviceIds: readonly string[]; patientIds?: readonly string[] | undefined },
): Promise<PatientRecord[]> {
  const rows = await db.query<PatientRow>(
    `${SELECT_CURRENT} WHERE p.service_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR p.id = ANY($2::uuid[]))
     ORDER BY p.created_at, p.id`,
    [scope.serviceIds, scope.patientIds ?? null],
  );
  return rows.map(toRecord);
}

/** One version of a patient's record as it was stored, or undefined. */
export async function findPatientVersion(
  db: Queryable,
  patientId: string,
  version: number,
): Promise<PatientRecord | undefined> {
  const rows = await db.query<PatientRow>(
    `SELECT p.id, p.service_id, v.version, v.data, p.created_at, v.recorded_at, v.recorded_by
     FROM patients p JOIN patient_versions v ON v.patient_id = p.id WHERE p.id = $1 AND v.version = $2`,
    [patientId, version],
  );
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export async function findPatientService(db: Queryable, id: string): Promise<string | undefined> {
  const rows = await db.query<{ service_id: string }>('SELECT service_id FROM patients WHERE id = $1', [id]);
  return rows[0]?.service_id;
}

export async function listVersions(db: Queryable, patientId: string): Promise<PatientVersion[]> {
  const rows = await db.query<{
    version: number;
    data: PatientContent;
    reason: string | null;
    recorded_at: Date;
    recorded_by: string;
    display_name: string;
  }>(
    `SELECT v.version, v.data, v.reason, v.recorded_at, v.recorded_by, u.display_name
     FROM patient_versions v JOIN users u ON u.id = v.recorded_by
     WHERE v.patient_id = $1 ORDER BY v.version DESC`,
    [patientId],
  );
  return rows.map((r) => ({
    version: r.version,
    recordedAt: r.recorded_at.toISOString(),
    recordedBy: { id: r.recorded_by, displayName: r.display_name },
    reason: r.reason,
    record: r.data,
  }));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Parses a search text into what to match: an identifier, a date of birth, or name prefixes. */
export function parseSearch(q: string): { identifier?: string; birthDate?: string; names: string[] } {
  const text = q.trim();
  const compact = text.replace(/\s+/g, '');
  if (/^\d{10}$/.test(compact)) return { identifier: compact, names: [] };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return { birthDate: text, names: [] };
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (uk) {
    const [, d, m, y] = uk;
    return { birthDate: `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`, names: [] };
  }
  const names = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, 4);
  return { names, ...(names.length === 1 ? { identifier: text } : {}) };
}

/** The WHERE clause and its parameters that a search text selects, within the given services. */
function searchScope(serviceIds: string[], q: string | undefined): { where: string; params: unknown[] } {
  const params: unknown[] = [serviceIds];
  const where: string[] = ['p.service_id = ANY($1::uuid[])'];
  if (q && q.trim()) {
    const s = parseSearch(q);
    const alternatives: string[] = [];
    if (s.identifier !== undefined) {
      params.push(s.identifier);
      alternatives.push(`v.nhs_number = $${params.length} OR v.mrn = $${params.length}`);
    }
    if (s.birthDate !== undefined) {
      // Only a real calendar day in plausible years: 2026-02-30 matches nobody rather than failing the cast.
      if (isPlausibleIsoDate(s.birthDate)) {
        params.push(s.birthDate);
        alternatives.push(`v.birth_date = $${params.length}::date`);
      }
    }
    if (s.names.length > 0) {
      const parts = s.names.map((name) => {
        params.push(`${escapeLike(name.toLowerCase())}%`);
        const n = params.length;
        return `(lower(v.given_name) LIKE $${n} OR lower(v.family_name) LIKE $${n})`;
      });
      alternatives.push(parts.join(' AND '));
    }
    where.push(alternatives.length ? `(${alternatives.map((a) => `(${a})`).join(' OR ')})` : 'false');
  }
  return { where: where.join(' AND '), params };
}

/**
 * Searches the current versions of patients in the given services: `limit` of them from `offset`, in a stable order
 * (family name, given name, date of birth, then id), so pages of one search cover each match exactly once.
 */
export async function searchPatients(
  db: Queryable,
  serviceIds: string[],
  q: string | undefined,
  limit: number,
  offset = 0,
): Promise<PatientSummary[]> {
  const { where, params } = searchScope(serviceIds, q);
  const n = params.length;
  const rows = await db.query<PatientRow>(
    `${SELECT_CURRENT} WHERE ${where}
     ORDER BY lower(v.family_name), lower(v.given_name), v.birth_date, p.id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...params, limit, offset],
  );
  return rows.map((r) => ({
    id: r.id,
    serviceId: r.service_id,
    givenName: r.data.givenName,
    familyName: r.data.familyName,
    birthDate: r.data.birthDate,
    ...(r.data.sex ? { sex: r.data.sex } : {}),
    identifiers: r.data.identifiers,
  }));
}

/** How many patients the same search matches in the given services (every page of `searchPatients` together). */
export async function countPatients(
  db: Queryable,
  serviceIds: string[],
  q: string | undefined,
): Promise<number> {
  const { where, params } = searchScope(serviceIds, q);
  // Without a search text only the service matters, and every patient has a current version: count on patients alone
  // (the patients_service index) rather than joining every version.
  const versions = q?.trim()
    ? 'JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version'
    : '';
  const rows = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM patients p ${versions} WHERE ${where}`,
    params,
  );
  return rows[0]?.total ?? 0;
}

/** Patients in any service with this exact NHS number or MRN (for audited break-glass look-up). */
export async function findByIdentifier(
  db: Queryable,
  identifier: string,
): Promise<{ id: string; service_id: string }[]> {
  return db.query<{ id: string; service_id: string }>(
    `SELECT p.id, p.service_id FROM patients p
     JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
     WHERE v.nhs_number = $1 OR v.mrn = $1`,
    [identifier],
  );
}

/** Current patients in these services holding any of these identifiers (system and value exactly). */
export async function findPatientsByIdentifiers(
  db: Queryable,
  serviceIds: readonly string[],
  identifiers: readonly { system: string; value: string }[],
): Promise<string[]> {
  if (identifiers.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    `SELECT DISTINCT p.id FROM patients p
     JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
     WHERE p.service_id = ANY($1::uuid[])
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(v.data->'identifiers') i
                   JOIN unnest($2::text[], $3::text[]) AS want(system, value)
                     ON i->>'system' = want.system AND i->>'value' = want.value)
     ORDER BY p.id`,
    [serviceIds, identifiers.map((i) => i.system), identifiers.map((i) => i.value)],
  );
  return rows.map((r) => r.id);
}

/**
 * Locks these identifiers within these services until the transaction ends (in a fixed order, so two
 * transactions cannot wait on each other): a match-then-register made under it cannot race another.
 */
export async function lockIdentifiers(
  tx: Queryable,
  serviceIds: readonly string[],
  identifiers: readonly { system: string; value: string }[],
): Promise<void> {
  const keys = [
    ...new Set(
      serviceIds.flatMap((s) => identifiers.map((i) => `patient-identifier|${s}|${i.system}|${i.value}`)),
    ),
  ].sort();
  for (const key of keys) await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}

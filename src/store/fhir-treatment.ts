// What the FHIR API reads for the treatment pathway, scoped to services (and patients when a search names them):
// dosing sessions with their discharge, therapy sessions, administration events with their register entries,
// register products, and consents with their withdrawal.
import type { Queryable } from './db.ts';
import type { Scope } from './fhir-sources.ts';

/** A dosing session as the FHIR store reads it: the session with its discharge, if any. */
export interface DosingSession {
  id: string;
  patient_id: string;
  service_id: string;
  setting: string;
  acls_user_id: string | null;
  started_at: Date;
  discharged_at: Date | null;
}

/** A therapy session with its patient's service and the setting of the dosing session it belongs to, if any. */
export interface TherapySession {
  id: string;
  patient_id: string;
  service_id: string;
  kind: 'preparation' | 'integration';
  dosing_session_id: string | null;
  dosing_setting: string | null;
  held_at: Date;
  duration_minutes: number;
  recorded_at: Date;
}

/** A register product as stored: its code is dm+d, NDC or a local one (clinic.md §3: the code on the box). */
export interface ProductRecord {
  id: string;
  drug: string;
  form: string;
  strength: Readonly<Record<string, unknown>>;
  code_system: string;
  code_value: string;
  created_at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Whether an id can name a KASPR record (a uuid), so a malformed id never reaches a uuid cast. */
export const isUuid = (id: string): boolean => UUID.test(id);

const IN_SCOPE = (alias: string) =>
  `${alias}.service_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR ${alias}.patient_id = ANY($2::uuid[]))`;
const scopeArgs = (scope: Scope) => [scope.serviceIds, scope.patientIds ?? null];

const SESSIONS = `
  SELECT s.id, s.patient_id, s.service_id, s.setting, s.acls_user_id, s.started_at, s.created_by, s.dose,
    s.protocol->>'route' AS route, d.discharged_at
  FROM treatment_sessions s LEFT JOIN session_discharges d ON d.session_id = s.id`;

/** A dosing session with what the Encounter and MedicationRequest need. */
export interface DosingSessionRow extends DosingSession {
  created_by: string;
  dose: Readonly<Record<string, unknown>>;
  route: string | null;
}

/** Every dosing session in scope, oldest first. */
export function dosingSessionsInScope(db: Queryable, scope: Scope): Promise<DosingSessionRow[]> {
  return db.query<DosingSessionRow>(
    `${SESSIONS} WHERE ${IN_SCOPE('s')} ORDER BY s.started_at, s.id`,
    scopeArgs(scope),
  );
}

export async function findDosingSession(db: Queryable, id: string): Promise<DosingSessionRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await db.query<DosingSessionRow>(`${SESSIONS} WHERE s.id = $1`, [id]))[0];
}

const THERAPY = `
  SELECT * FROM (
    SELECT t.id, t.patient_id, p.service_id, t.kind, t.dosing_session_id, s.setting AS dosing_setting, t.held_at,
      t.duration_minutes, t.recorded_at
    FROM therapy_sessions t JOIN patients p ON p.id = t.patient_id
    LEFT JOIN treatment_sessions s ON s.id = t.dosing_session_id) t`;

/** Every preparation and integration session in scope, oldest first. */
export function therapySessionsInScope(db: Queryable, scope: Scope): Promise<TherapySession[]> {
  return db.query<TherapySession>(
    `${THERAPY} WHERE ${IN_SCOPE('t')} ORDER BY t.held_at, t.id`,
    scopeArgs(scope),
  );
}

export async function findTherapySession(db: Queryable, id: string): Promise<TherapySession | undefined> {
  if (!isUuid(id)) return undefined;
  return (await db.query<TherapySession>(`${THERAPY} WHERE t.id = $1`, [id]))[0];
}

/** A dosing session with its administration events as JSON and the register entry its dose was drawn by. */
export interface SessionDoseRow {
  id: string;
  patient_id: string;
  service_id: string;
  route: string | null;
  dose: Readonly<Record<string, unknown>>;
  started_at: Date;
  created_by: string;
  discharged_at: Date | null;
  events:
    { kind: string; data: Record<string, unknown>; at: string; recorded_at: string; by: string }[] | null;
  stock_lot: string | null;
  /** The register product (JSON: its creation time as text). */
  product: (Omit<ProductRecord, 'created_at'> & { created_at: string }) | null;
}

const DOSES = `
  SELECT s.id, s.patient_id, s.service_id, s.protocol->>'route' AS route, s.dose, s.started_at, s.created_by,
    d.discharged_at,
    (SELECT jsonb_agg(jsonb_build_object('kind', e.kind, 'data', e.data, 'at', e.at, 'recorded_at', e.recorded_at,
        'by', e.recorded_by) ORDER BY e.at, e.id)
     FROM session_events e WHERE e.session_id = s.id
       AND e.kind IN ('administration-start', 'administration-rate-change', 'administration-stop')) AS events,
    ce.details->>'lot' AS stock_lot,
    CASE WHEN p.id IS NULL THEN NULL ELSE jsonb_build_object('id', p.id, 'drug', p.drug, 'form', p.form,
      'strength', p.strength, 'code_system', p.code_system, 'code_value', p.code_value, 'created_at', p.created_at)
    END AS product
  FROM treatment_sessions s LEFT JOIN session_discharges d ON d.session_id = s.id
  LEFT JOIN LATERAL (SELECT x.product_id, x.details FROM cd_entries x
    WHERE x.session_id = s.id::text AND x.kind = 'administration' ORDER BY x.seq LIMIT 1) ce ON true
  LEFT JOIN cd_products p ON p.id = ce.product_id`;

/** Every dosing session in scope with its dose, administration events and register product, oldest first. */
export function sessionDosesInScope(db: Queryable, scope: Scope): Promise<SessionDoseRow[]> {
  return db.query<SessionDoseRow>(
    `${DOSES} WHERE ${IN_SCOPE('s')} ORDER BY s.started_at, s.id`,
    scopeArgs(scope),
  );
}

export async function findSessionDose(db: Queryable, sessionId: string): Promise<SessionDoseRow | undefined> {
  if (!isUuid(sessionId)) return undefined;
  return (await db.query<SessionDoseRow>(`${DOSES} WHERE s.id = $1`, [sessionId]))[0];
}

export type ProductInServices = ProductRecord & { service_ids: string[] };

const PRODUCTS = `
  SELECT p.id, p.drug, p.form, p.strength, p.code_system, p.code_value, p.created_at,
    array_agg(DISTINCT pt.service_id::text) AS service_ids
  FROM cd_products p JOIN cd_entries e ON e.product_id = p.id JOIN patients pt ON pt.id = e.patient_id`;

/**
 * Register products given to patients of these services (a product has no service of its own: it belongs to the
 * services whose patients' doses were drawn from it), each with those services.
 */
export function productsInScope(db: Queryable, scope: Scope): Promise<ProductInServices[]> {
  return db.query<ProductInServices>(
    `${PRODUCTS} WHERE pt.service_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR pt.id = ANY($2::uuid[]))
     GROUP BY p.id ORDER BY p.created_at, p.id`,
    scopeArgs(scope),
  );
}

/** One register product with the services whose patients were given it, or undefined when none were. */
export async function findProductInServices(
  db: Queryable,
  id: string,
): Promise<ProductInServices | undefined> {
  if (!isUuid(id)) return undefined;
  return (await db.query<ProductInServices>(`${PRODUCTS} WHERE p.id = $1 GROUP BY p.id`, [id]))[0];
}

/** A signed consent with its patient's service and any withdrawal. */
export interface ConsentRecord {
  id: string;
  patient_id: string;
  service_id: string;
  route: string;
  document_id: string;
  document_version: string;
  witness_user_id: string | null;
  signed_at: Date;
  recorded_by: string;
  withdrawn_at: Date | null;
}

const CONSENTS = `
  SELECT * FROM (
    SELECT c.id, c.patient_id, p.service_id, c.route, c.document_id, c.document_version, c.witness_user_id,
      c.signed_at, c.recorded_by, x.withdrawn_at
    FROM consents c JOIN patients p ON p.id = c.patient_id
    LEFT JOIN consent_withdrawals x ON x.consent_id = c.id) c`;

/** Every consent in scope, oldest first. */
export function consentsInScope(db: Queryable, scope: Scope): Promise<ConsentRecord[]> {
  return db.query<ConsentRecord>(
    `${CONSENTS} WHERE ${IN_SCOPE('c')} ORDER BY c.signed_at, c.id`,
    scopeArgs(scope),
  );
}

export async function findConsentRecord(db: Queryable, id: string): Promise<ConsentRecord | undefined> {
  if (!isUuid(id)) return undefined;
  return (await db.query<ConsentRecord>(`${CONSENTS} WHERE c.id = $1`, [id]))[0];
}

// What the FHIR API reads for the treatment pathway, scoped to services (and patients when a search names them):
// dosing sessions with their discharge, therapy sessions, administration events with their register entries,
// register products, and consents with their withdrawal.
import type { DosingSession, TherapySession } from '../fhir/map/encounter.ts';
import type { Queryable } from './db.ts';
import type { Scope } from './fhir-sources.ts';

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

// What the FHIR API reads, scoped to services: dosing-session vital signs (the baseline and each reading),
// questionnaire responses, and the staff who work in a service with their credentials.
import type { ResponseRow } from './responses.ts';
import type { Queryable } from './db.ts';
import { SELECT_USER, type CredentialRow, type UserRow } from './users.ts';

/** Services a read may see, and optionally the patients it is narrowed to. */
export interface Scope {
  serviceIds: readonly string[];
  patientIds?: readonly string[] | undefined;
}

/** One set of vital signs recorded in a dosing session (the baseline at its start is one too). */
export interface VitalsRow {
  id: string;
  session_id: string;
  patient_id: string;
  service_id: string;
  data: Record<string, unknown>;
  recorded_at: Date;
}

const VITALS = `
  SELECT e.id::text AS id, s.id AS session_id, s.patient_id, s.service_id, e.data, e.recorded_at
  FROM session_events e JOIN treatment_sessions s ON s.id = e.session_id WHERE e.kind = 'vitals'`;

/** Every vital-signs reading in scope, oldest first. */
export async function vitalsInScope(db: Queryable, scope: Scope): Promise<VitalsRow[]> {
  return db.query<VitalsRow>(
    `${VITALS} AND s.service_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR s.patient_id = ANY($2::uuid[]))
     ORDER BY e.recorded_at, e.id`,
    [scope.serviceIds, scope.patientIds ?? null],
  );
}

/** One reading by its event id, with its session, patient and service. */
export async function findVitals(db: Queryable, eventId: string): Promise<VitalsRow | undefined> {
  if (!/^\d{1,18}$/.test(eventId)) return undefined;
  return (await db.query<VitalsRow>(`${VITALS} AND e.id = $1`, [eventId]))[0];
}

const RESPONSES = `
  SELECT r.*, u.display_name AS recorded_by_name, p.service_id FROM questionnaire_responses r
  JOIN patients p ON p.id = r.patient_id LEFT JOIN users u ON u.id = r.recorded_by`;

/** Every questionnaire response in scope, oldest first. */
export async function responsesInScope(
  db: Queryable,
  scope: Scope,
): Promise<(ResponseRow & { service_id: string })[]> {
  return db.query(
    `${RESPONSES} WHERE p.service_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR r.patient_id = ANY($2::uuid[]))
     ORDER BY r.completed_at, r.id`,
    [scope.serviceIds, scope.patientIds ?? null],
  );
}

export async function findResponse(
  db: Queryable,
  id: string,
): Promise<(ResponseRow & { service_id: string }) | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return (await db.query<ResponseRow & { service_id: string }>(`${RESPONSES} WHERE r.id = $1`, [id]))[0];
}

const STAFF = `${SELECT_USER} WHERE NOT EXISTS (SELECT 1 FROM system_clients sc WHERE sc.user_id = u.id)`;

/**
 * Staff who work in any of these services, each with their credentials. A system client's own account (it acts
 * and is audited through one) is not staff.
 */
export async function staffInServices(
  db: Queryable,
  serviceIds: readonly string[],
): Promise<{ user: UserRow; credentials: CredentialRow[] }[]> {
  const users = await db.query<UserRow>(
    `${STAFF} AND EXISTS (SELECT 1 FROM user_services us WHERE us.user_id = u.id AND us.service_id = ANY($1::uuid[]))
     ORDER BY u.created_at, u.id`,
    [serviceIds],
  );
  const credentials = await db.query<CredentialRow>(
    'SELECT * FROM staff_credentials WHERE user_id = ANY($1::uuid[]) ORDER BY recorded_at, id',
    [users.map((u) => u.id)],
  );
  return users.map((user) => ({ user, credentials: credentials.filter((c) => c.user_id === user.id) }));
}

/** One member of staff by id (not a system client's account), or undefined. */
export async function findStaff(db: Queryable, id: string): Promise<UserRow | undefined> {
  return (await db.query<UserRow>(`${STAFF} AND u.id = $1`, [id]))[0];
}

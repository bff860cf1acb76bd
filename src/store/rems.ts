// Esketamine REMS records: the 7-day submission tracker, submissions, and how many sessions came before.
import type { Queryable } from './db.ts';

export interface RemsTrackerRow {
  id: string;
  patient_id: string;
  given_name: string;
  family_name: string;
  started_at: Date;
  submitted_at: Date | null;
  dosed_at: Date | null;
}

/** Esketamine sessions of the services, newest first (at most 500), with dosing time and any submission. */
export function remsTrackerRows(db: Queryable, serviceIds: readonly string[]): Promise<RemsTrackerRow[]> {
  return db.query<RemsTrackerRow>(
    `SELECT s.id, s.patient_id, v.given_name, v.family_name, s.started_at, r.submitted_at, d.at AS dosed_at
     FROM treatment_sessions s
     JOIN patients p ON p.id = s.patient_id JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
     LEFT JOIN rems_submissions r ON r.session_id = s.id
     LEFT JOIN LATERAL (SELECT e.at FROM session_events e WHERE e.session_id = s.id AND e.kind = 'administration-start'
                        ORDER BY e.id LIMIT 1) d ON true
     WHERE s.protocol->>'route' = 'intranasal-esketamine' AND s.service_id = ANY($1::uuid[]) ORDER BY s.started_at DESC LIMIT 500`,
    [serviceIds],
  );
}

/** True when the session's REMS form is already recorded as submitted. */
export async function hasRemsSubmission(db: Queryable, sessionId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM rems_submissions WHERE session_id = $1', [sessionId])).length > 0;
}

/** Records the session's REMS form as submitted. */
export async function insertRemsSubmission(
  tx: Queryable,
  s: { sessionId: string; submittedAt: Date; reference: string | null; recordedBy: string },
): Promise<void> {
  await tx.query(
    'INSERT INTO rems_submissions (session_id, submitted_at, reference, recorded_by) VALUES ($1,$2,$3,$4)',
    [s.sessionId, s.submittedAt, s.reference, s.recordedBy],
  );
}

/** How many esketamine sessions the patient started before `before`. */
export async function earlierEsketamineSessions(
  db: Queryable,
  patientId: string,
  before: Date,
): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM treatment_sessions WHERE patient_id = $1 AND started_at < $2 AND protocol->>'route' = 'intranasal-esketamine'",
    [patientId, before],
  );
  return row?.n ?? 0;
}

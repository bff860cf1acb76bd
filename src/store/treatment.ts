// Treatment records: referrals, eligibility, consents and withdrawals, sessions with their flowsheet, discharges.
import type { Queryable } from './db.ts';

export interface ConsentRow {
  id: string;
  patient_id: string;
  route: string;
  document_id: string;
  document_version: string;
  signature: { kind: 'typed' | 'drawn'; name: string; image?: string };
  witness_user_id: string | null;
  witness_name: string | null;
  signed_at: Date;
  recorded_by: string;
  recorded_by_name: string;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
}

const SELECT_CONSENT = `
  SELECT c.*, w.display_name AS witness_name, u.display_name AS recorded_by_name, x.withdrawn_at, x.reason AS withdrawal_reason
  FROM consents c JOIN users u ON u.id = c.recorded_by LEFT JOIN users w ON w.id = c.witness_user_id
  LEFT JOIN consent_withdrawals x ON x.consent_id = c.id`;

export async function listConsents(db: Queryable, patientId: string): Promise<ConsentRow[]> {
  return db.query<ConsentRow>(`${SELECT_CONSENT} WHERE c.patient_id = $1 ORDER BY c.signed_at DESC`, [
    patientId,
  ]);
}

export async function findConsent(db: Queryable, id: string): Promise<ConsentRow | undefined> {
  return (await db.query<ConsentRow>(`${SELECT_CONSENT} WHERE c.id = $1`, [id]))[0];
}

/** The newest consent for a route that has not been withdrawn. */
export async function activeConsent(
  db: Queryable,
  patientId: string,
  route: string,
): Promise<ConsentRow | undefined> {
  return (
    await db.query<ConsentRow>(
      `${SELECT_CONSENT} WHERE c.patient_id = $1 AND c.route = $2 AND x.withdrawn_at IS NULL ORDER BY c.signed_at DESC LIMIT 1`,
      [patientId, route],
    )
  )[0];
}

export async function latestEligibility(
  db: Queryable,
  patientId: string,
  route: string,
): Promise<{ id: string; decision: string; signed_at: Date; signed_by: string } | undefined> {
  return (
    await db.query<{ id: string; decision: string; signed_at: Date; signed_by: string }>(
      'SELECT id, decision, signed_at, signed_by FROM treatment_eligibility WHERE patient_id = $1 AND route = $2 ORDER BY signed_at DESC LIMIT 1',
      [patientId, route],
    )
  )[0];
}

/** True when the user holds an ACLS credential that has not expired on `today`. */
export async function hasValidAcls(db: Queryable, userId: string, today: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM staff_credentials WHERE user_id = $1 AND upper(kind) LIKE 'ACLS%' AND (expires_on IS NULL OR expires_on >= $2::date) LIMIT 1`,
    [userId, today],
  );
  return rows.length > 0;
}

export interface SessionRow {
  id: string;
  patient_id: string;
  service_id: string;
  protocol_ref: string;
  protocol: unknown;
  setting: string;
  consent_id: string;
  prechecks: unknown;
  baseline: {
    takenAt: string;
    systolic: number;
    diastolic: number;
    heartRate: number;
    spo2: number;
    respiratoryRate?: number;
  };
  dose: Record<string, unknown>;
  acls_user_id: string | null;
  started_at: Date;
  created_by: string;
  discharged_at: Date | null;
  no_driving_until: Date | null;
  discharge_summary: unknown;
}

export async function findSession(db: Queryable, id: string): Promise<SessionRow | undefined> {
  return (
    await db.query<SessionRow>(
      `SELECT s.*, d.discharged_at, d.no_driving_until, d.summary AS discharge_summary FROM treatment_sessions s
       LEFT JOIN session_discharges d ON d.session_id = s.id WHERE s.id = $1`,
      [id],
    )
  )[0];
}

export async function listSessions(db: Queryable, patientId: string): Promise<SessionRow[]> {
  return db.query<SessionRow>(
    `SELECT s.*, d.discharged_at, d.no_driving_until, d.summary AS discharge_summary FROM treatment_sessions s
     LEFT JOIN session_discharges d ON d.session_id = s.id WHERE s.patient_id = $1 ORDER BY s.started_at DESC`,
    [patientId],
  );
}

export interface SessionEventRow {
  id: number;
  kind: string;
  data: Record<string, unknown>;
  at: Date;
  recorded_by_name: string;
}

export async function sessionEvents(db: Queryable, sessionId: string): Promise<SessionEventRow[]> {
  return db.query<SessionEventRow>(
    `SELECT e.id, e.kind, e.data, e.at, u.display_name AS recorded_by_name FROM session_events e
     JOIN users u ON u.id = e.recorded_by WHERE e.session_id = $1 ORDER BY e.at, e.id`,
    [sessionId],
  );
}

export async function addSessionEvent(
  tx: Queryable,
  e: {
    sessionId: string;
    kind: string;
    data: Record<string, unknown>;
    at: Date;
    recordedAt: Date;
    by: string;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'INSERT INTO session_events (session_id, kind, data, at, recorded_at, recorded_by) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
    [e.sessionId, e.kind, JSON.stringify(e.data), e.at, e.recordedAt, e.by],
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** The patient's dosing sessions for the history gate: start, route, discharged, and whether a dose was given. */
export async function sessionHistory(
  db: Queryable,
  patientId: string,
): Promise<{ id: string; started_at: Date; route: string; discharged: boolean; administered: boolean }[]> {
  return db.query(
    `SELECT s.id, s.started_at, s.protocol->>'route' AS route, d.session_id IS NOT NULL AS discharged,
       EXISTS (SELECT 1 FROM session_events e WHERE e.session_id = s.id AND e.kind = 'administration-start') AS administered
     FROM treatment_sessions s LEFT JOIN session_discharges d ON d.session_id = s.id
     WHERE s.patient_id = $1 ORDER BY s.started_at`,
    [patientId],
  );
}

/** Holds the patient's row until the transaction ends, so two session starts for one patient run one at a time. */
export async function lockPatientForSession(tx: Queryable, patientId: string): Promise<void> {
  await tx.query('SELECT id FROM patients WHERE id = $1 FOR UPDATE', [patientId]);
}

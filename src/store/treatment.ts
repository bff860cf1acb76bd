// Dosing sessions: the session with its discharge, its flowsheet events, the history gate's view, and discharges.
import type { SessionSetting } from '../domain/treatment/protocol-types.ts';
import type { DischargeSummary } from '../domain/treatment/discharge-summary.ts';
import type { StoredDose } from '../domain/treatment/session-record.ts';
import { insertReturning, insertReturningId, type Queryable } from './db.ts';

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
  setting: SessionSetting;
  consent_id: string;
  prechecks: Readonly<Record<string, unknown>>;
  baseline: {
    takenAt: string;
    systolic: number;
    diastolic: number;
    heartRate: number;
    spo2: number;
    respiratoryRate?: number;
  };
  dose: StoredDose & Readonly<Record<string, unknown>>;
  acls_user_id: string | null;
  started_at: Date;
  created_by: string;
  discharged_at: Date | null;
  no_driving_until: Date | null;
  /** The stored summary (older discharges lack some of its fields), or null before discharge. */
  discharge_summary: Partial<DischargeSummary> | null;
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
  const row = await insertReturning<{ id: number }>(
    tx,
    'INSERT INTO session_events (session_id, kind, data, at, recorded_at, recorded_by) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
    [e.sessionId, e.kind, JSON.stringify(e.data), e.at, e.recordedAt, e.by],
  );
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

/** Stores a new dosing session (its protocol snapshot, pre-checks, baseline and dose); returns its id. */
export function insertSession(
  tx: Queryable,
  s: {
    patientId: string;
    serviceId: string;
    protocolRef: string;
    protocol: unknown;
    setting: string;
    consentId: string;
    prechecks: Readonly<Record<string, unknown>>;
    baseline: unknown;
    dose: unknown;
    aclsUserId: string | null;
    startedAt: Date;
    createdBy: string;
  },
): Promise<string> {
  return insertReturningId(
    tx,
    `INSERT INTO treatment_sessions (patient_id, service_id, protocol_ref, protocol, setting, consent_id, prechecks, baseline, dose, acls_user_id, started_at, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
    [
      s.patientId,
      s.serviceId,
      s.protocolRef,
      JSON.stringify(s.protocol),
      s.setting,
      s.consentId,
      JSON.stringify(s.prechecks),
      JSON.stringify(s.baseline),
      JSON.stringify(s.dose),
      s.aclsUserId,
      s.startedAt,
      s.createdBy,
    ],
  );
}

/**
 * Stores the session's discharge; false when the session already has one (two discharges at once: the second
 * finds the session closed).
 */
export async function insertDischarge(
  tx: Queryable,
  d: { sessionId: string; at: Date; noDrivingUntil: Date; summary: unknown; by: string },
): Promise<boolean> {
  const stored = await tx.query(
    'INSERT INTO session_discharges (session_id, discharged_at, no_driving_until, summary, discharged_by) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (session_id) DO NOTHING RETURNING session_id',
    [d.sessionId, d.at, d.noDrivingUntil, JSON.stringify(d.summary), d.by],
  );
  return stored.length > 0;
}

/** How many readings of the session raised this urgent vital-sign alert. */
export async function urgentReadingCount(db: Queryable, sessionId: string, code: string): Promise<number> {
  const rows = await db.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM session_events WHERE session_id = $1 AND kind = 'vitals' AND data->'alerts' @> $2::jsonb`,
    [sessionId, JSON.stringify([{ code, severity: 'urgent' }])],
  );
  return Number(rows[0]?.n ?? 0);
}

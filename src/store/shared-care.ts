// Shared care around dosing: preparation and integration (therapy) sessions and care-team messages.
import { insertRow, rowExists, type Queryable } from './db.ts';

export interface TherapySessionRow {
  id: string;
  kind: string;
  dosing_session_id: string | null;
  held_at: Date;
  duration_minutes: number;
  notes: string;
  display_name: string;
}

export interface CareMessageRow {
  id: string;
  text: string;
  sent_at: Date;
  sender: string;
  recipient: string | null;
}

/** True when `sessionId` is a dosing session of this patient. */
export function isPatientDosingSession(
  db: Queryable,
  patientId: string,
  sessionId: string,
): Promise<boolean> {
  return rowExists(db, 'SELECT 1 FROM treatment_sessions WHERE id = $1 AND patient_id = $2', [
    sessionId,
    patientId,
  ]);
}

/** Stores a therapy session; returns its id. */
export function insertTherapySession(
  tx: Queryable,
  t: {
    patientId: string;
    kind: string;
    dosingSessionId: string | null;
    heldAt: Date;
    durationMinutes: number;
    notes: string;
    recordedAt: Date;
    recordedBy: string;
  },
): Promise<string> {
  return insertRow(tx, 'therapy_sessions', {
    patient_id: t.patientId,
    kind: t.kind,
    dosing_session_id: t.dosingSessionId,
    held_at: t.heldAt,
    duration_minutes: t.durationMinutes,
    notes: t.notes,
    recorded_at: t.recordedAt,
    recorded_by: t.recordedBy,
  });
}

/** The patient's therapy sessions, newest first, with who recorded them. */
export function listTherapySessions(db: Queryable, patientId: string): Promise<TherapySessionRow[]> {
  return db.query<TherapySessionRow>(
    'SELECT t.*, u.display_name FROM therapy_sessions t JOIN users u ON u.id = t.recorded_by WHERE t.patient_id = $1 ORDER BY t.held_at DESC',
    [patientId],
  );
}

/** Stores a care-team message; returns its id. */
export function insertCareMessage(
  tx: Queryable,
  m: { patientId: string; toUserId: string | null; text: string; sentAt: Date; sentBy: string },
): Promise<string> {
  return insertRow(tx, 'care_messages', {
    patient_id: m.patientId,
    to_user_id: m.toUserId,
    text: m.text,
    sent_at: m.sentAt,
    sent_by: m.sentBy,
  });
}

/** The patient's care-team messages in the order sent, with sender and recipient names. */
export function listCareMessages(db: Queryable, patientId: string): Promise<CareMessageRow[]> {
  return db.query<CareMessageRow>(
    `SELECT m.id, m.text, m.sent_at, s.display_name AS sender, r.display_name AS recipient FROM care_messages m
     JOIN users s ON s.id = m.sent_by LEFT JOIN users r ON r.id = m.to_user_id WHERE m.patient_id = $1 ORDER BY m.sent_at`,
    [patientId],
  );
}

/** When the patient last completed each questionnaire (complete responses only), by instrument id. */
export async function lastCompletedQuestionnaires(
  db: Queryable,
  patientId: string,
): Promise<Map<string, Date>> {
  const rows = await db.query<{ instrument_id: string; at: Date }>(
    "SELECT instrument_id, max(completed_at) AS at FROM questionnaire_responses WHERE patient_id = $1 AND completeness = 'complete' GROUP BY instrument_id",
    [patientId],
  );
  return new Map(rows.map((r) => [r.instrument_id, r.at]));
}

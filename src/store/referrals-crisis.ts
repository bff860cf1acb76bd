// Onward referrals (with target times, made or cancelled by a later event) and crisis events (retracted, never
// deleted), the records behind the referral-within-target and crisis-events-per-month measures.
import type { CrisisEvent, Referral } from '../schemas/replies/outcomes.ts';
import { insertReturningId, type Queryable } from './db.ts';

export type ReferralState = Referral['state'];

/** A referral as the chart shows it (the reply shape of the referral routes). */
export type ReferralView = Referral;

interface ReferralRow {
  id: string;
  patient_id: string;
  service_id: string;
  destination: string;
  confirmed_level: number;
  decided_on: string;
  due_on: string;
  target_days: number;
  reason: string | null;
  kind: 'made' | 'cancelled' | null;
  on_date: string | null;
  note: string | null;
  recorded_at: Date;
  recorded_by: string;
  recorded_by_name: string;
}

const REFERRALS = `
  SELECT r.id, r.patient_id, r.service_id, r.destination, r.confirmed_level, r.decided_on::text AS decided_on,
         (r.decided_on + r.target_days)::text AS due_on, r.target_days, r.reason, e.kind, e.on_date::text AS on_date,
         e.note, r.recorded_at, r.recorded_by, u.display_name AS recorded_by_name
  FROM onward_referrals r
  LEFT JOIN onward_referral_events e ON e.referral_id = r.id
  JOIN users u ON u.id = r.recorded_by`;

/** The columns every referral and crisis-event row has: whose record it is, and who recorded it when. */
interface RecordRow {
  id: string;
  patient_id: string;
  service_id: string;
  recorded_at: Date;
  recorded_by: string;
  recorded_by_name: string;
}

const ownerOf = (r: RecordRow) => ({ id: r.id, patientId: r.patient_id, serviceId: r.service_id });

const recordingOf = (r: RecordRow) => ({
  recordedAt: r.recorded_at.toISOString(),
  recordedBy: { id: r.recorded_by, displayName: r.recorded_by_name },
});

function referralView(r: ReferralRow): ReferralView {
  return {
    ...ownerOf(r),
    destination: r.destination,
    confirmedLevel: r.confirmed_level,
    decidedOn: r.decided_on,
    targetDays: r.target_days,
    dueOn: r.due_on,
    reason: r.reason,
    state: r.kind ?? 'pending',
    closedOn: r.on_date,
    closedNote: r.note,
    ...recordingOf(r),
  };
}

export interface NewReferral {
  patientId: string;
  serviceId: string;
  decisionId: string | null;
  destination: string;
  confirmedLevel: number;
  decidedOn: string;
  targetDays: number;
  reason: string | null;
  at: Date;
  by: string;
}

export function insertReferral(tx: Queryable, r: NewReferral): Promise<string> {
  return insertReturningId(
    tx,
    `INSERT INTO onward_referrals (patient_id, service_id, decision_id, destination, confirmed_level, decided_on, target_days, reason, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      r.patientId,
      r.serviceId,
      r.decisionId,
      r.destination,
      r.confirmedLevel,
      r.decidedOn,
      r.targetDays,
      r.reason,
      r.at,
      r.by,
    ],
  );
}

/** The harm decision a referral follows: the one named (if it is this patient's), else the patient's latest. */
export async function referralDecision(
  db: Queryable,
  patientId: string,
  decisionId: string | undefined,
): Promise<{ id: string; confirmedLevel: number } | null> {
  const rows = await db.query<{ id: string; confirmed_level: number }>(
    decisionId
      ? 'SELECT id, confirmed_level FROM harm_decisions WHERE patient_id = $1 AND id = $2'
      : 'SELECT id, confirmed_level FROM harm_decisions WHERE patient_id = $1 ORDER BY decided_at DESC LIMIT 1',
    decisionId ? [patientId, decisionId] : [patientId],
  );
  const row = rows[0];
  return row ? { id: row.id, confirmedLevel: row.confirmed_level } : null;
}

/** Records that a referral was made or cancelled; false when it already was (the row is unique per referral). */
export async function closeReferral(
  tx: Queryable,
  e: {
    referralId: string;
    kind: 'made' | 'cancelled';
    on: string;
    note: string | null;
    at: Date;
    by: string;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO onward_referral_events (referral_id, kind, on_date, note, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (referral_id) DO NOTHING RETURNING id`,
    [e.referralId, e.kind, e.on, e.note, e.at, e.by],
  );
  return rows.length === 1;
}

export async function findReferral(db: Queryable, id: string): Promise<ReferralView | null> {
  const [row] = await db.query<ReferralRow>(`${REFERRALS} WHERE r.id = $1`, [id]);
  return row ? referralView(row) : null;
}

/** A record this request has just written or changed: it exists, so a miss is a fault, not a 404. */
async function written<T>(found: Promise<T | null>, what: string): Promise<T> {
  const record = await found;
  if (!record) throw new Error(`${what} not found after writing it`);
  return record;
}

/** The referral this request has just written or closed. */
export const readReferral = (db: Queryable, id: string) => written(findReferral(db, id), `referral ${id}`);

export async function patientReferrals(db: Queryable, patientId: string): Promise<ReferralView[]> {
  const rows = await db.query<ReferralRow>(
    `${REFERRALS} WHERE r.patient_id = $1 ORDER BY r.decided_on DESC, r.recorded_at DESC`,
    [patientId],
  );
  return rows.map(referralView);
}

/** A crisis event as the chart shows it (the reply shape of the crisis-event routes). */
export type CrisisEventView = CrisisEvent;

interface CrisisRow {
  id: string;
  patient_id: string;
  service_id: string;
  occurred_on: string;
  kind: string;
  note: string | null;
  recorded_at: Date;
  recorded_by: string;
  recorded_by_name: string;
  retraction_reason: string | null;
  retracted_at: Date | null;
  retracted_by: string | null;
}

const CRISIS = `
  SELECT c.id, c.patient_id, c.service_id, c.occurred_on::text AS occurred_on, c.kind, c.note, c.recorded_at,
         c.recorded_by, u.display_name AS recorded_by_name, x.reason AS retraction_reason,
         x.recorded_at AS retracted_at, x.recorded_by AS retracted_by
  FROM crisis_events c
  LEFT JOIN crisis_event_retractions x ON x.event_id = c.id
  JOIN users u ON u.id = c.recorded_by`;

function crisisView(r: CrisisRow): CrisisEventView {
  const { retraction_reason: reason, retracted_at: at, retracted_by: by } = r;
  return {
    ...ownerOf(r),
    occurredOn: r.occurred_on,
    kind: r.kind,
    note: r.note,
    ...recordingOf(r),
    retraction:
      reason !== null && at !== null && by !== null
        ? { reason, recordedAt: at.toISOString(), recordedBy: by }
        : null,
  };
}

export function insertCrisisEvent(
  tx: Queryable,
  e: {
    patientId: string;
    serviceId: string;
    occurredOn: string;
    kind: string;
    note: string | null;
    at: Date;
    by: string;
  },
): Promise<string> {
  return insertReturningId(
    tx,
    `INSERT INTO crisis_events (patient_id, service_id, occurred_on, kind, note, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [e.patientId, e.serviceId, e.occurredOn, e.kind, e.note, e.at, e.by],
  );
}

/** Retracts a crisis event recorded in error; false when it was already retracted. */
export async function retractCrisisEvent(
  tx: Queryable,
  r: { eventId: string; reason: string; at: Date; by: string },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO crisis_event_retractions (event_id, reason, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
    [r.eventId, r.reason, r.at, r.by],
  );
  return rows.length === 1;
}

export async function findCrisisEvent(db: Queryable, id: string): Promise<CrisisEventView | null> {
  const [row] = await db.query<CrisisRow>(`${CRISIS} WHERE c.id = $1`, [id]);
  return row ? crisisView(row) : null;
}

/** The crisis event this request has just written or retracted. */
export const readCrisisEvent = (db: Queryable, id: string) =>
  written(findCrisisEvent(db, id), `crisis event ${id}`);

export async function patientCrisisEvents(db: Queryable, patientId: string): Promise<CrisisEventView[]> {
  const rows = await db.query<CrisisRow>(
    `${CRISIS} WHERE c.patient_id = $1 ORDER BY c.occurred_on DESC, c.recorded_at DESC`,
    [patientId],
  );
  return rows.map(crisisView);
}

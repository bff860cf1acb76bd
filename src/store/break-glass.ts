// Break-glass grants (time-boxed access to another service's patient) and their reviews afterwards.
import { columnsOf, insertRow, insertValues, type Queryable } from './db.ts';

export interface NewBreakGlassGrant {
  userId: string;
  patientId: string;
  reason: string;
  grantedAt: Date;
  expiresAt: Date;
}

/** Records a grant; returns its id. */
export function insertBreakGlassGrant(tx: Queryable, grant: NewBreakGlassGrant): Promise<string> {
  return insertRow(
    tx,
    'break_glass_grants',
    columnsOf(grant, ['userId', 'patientId', 'reason', 'grantedAt', 'expiresAt']),
  );
}

/** True when the user holds a grant for the patient that has not yet expired at `now`. */
export async function hasActiveBreakGlassGrant(
  db: Queryable,
  userId: string,
  patientId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM break_glass_grants WHERE user_id = $1 AND patient_id = $2 AND expires_at > $3 LIMIT 1',
    [userId, patientId, now],
  );
  return rows.length > 0;
}

export interface BreakGlassGrantRow {
  id: string;
  user_id: string;
  display_name: string;
  patient_id: string;
  reason: string;
  granted_at: Date;
  expires_at: Date;
  reviewed_at: Date | null;
  reviewer: string | null;
  note: string | null;
}

/** The latest 500 grants with who used them and their review, those awaiting review first. */
export function listBreakGlassGrants(db: Queryable): Promise<BreakGlassGrantRow[]> {
  return db.query<BreakGlassGrantRow>(
    `SELECT g.*, u.display_name, r.reviewed_at, ru.display_name AS reviewer, r.note
       FROM break_glass_grants g JOIN users u ON u.id = g.user_id
       LEFT JOIN break_glass_reviews r ON r.grant_id = g.id LEFT JOIN users ru ON ru.id = r.reviewed_by
       ORDER BY (r.reviewed_at IS NULL) DESC, g.granted_at DESC LIMIT 500`,
  );
}

/** Who holds a grant and for which patient, and whether it has been reviewed; undefined when there is none. */
export async function findBreakGlassGrant(
  db: Queryable,
  id: string,
): Promise<{ userId: string; patientId: string; reviewed: boolean } | undefined> {
  const [grant] = await db.query<{ user_id: string; patient_id: string }>(
    'SELECT user_id, patient_id FROM break_glass_grants WHERE id = $1',
    [id],
  );
  if (!grant) return undefined;
  const done = await db.query('SELECT 1 FROM break_glass_reviews WHERE grant_id = $1', [id]);
  return { userId: grant.user_id, patientId: grant.patient_id, reviewed: done.length > 0 };
}

/** Records the review of a grant. */
export async function insertBreakGlassReview(
  tx: Queryable,
  review: { grantId: string; reviewedBy: string; reviewedAt: Date; note: string },
): Promise<void> {
  await insertValues(
    tx,
    'break_glass_reviews',
    columnsOf(review, ['grantId', 'reviewedBy', 'reviewedAt', 'note']),
  );
}

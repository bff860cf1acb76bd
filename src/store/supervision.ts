// The supervision queue: overrides, level-4 decisions, rising levels and overdue reviews not yet signed off.
import { decisionSupervisionEntries, overdueReviewEntry, type LevelNumber } from '../domain/harm/index.ts';
import type { SupervisionItem } from '../schemas/replies/harm.ts';
import { insertReturningId, type Queryable } from './db.ts';
import { reviewWorklist } from './harm.ts';

/** One queue entry (the reply shape of GET /supervision). */
export type { SupervisionItem };

export async function supervisionQueue(
  db: Queryable,
  serviceIds: string[],
  today: string,
): Promise<{ items: SupervisionItem[]; overrideCount: number }> {
  const rows = await db.query<{
    id: string;
    patient_id: string;
    given_name: string;
    family_name: string;
    proposed_level: number;
    confirmed_level: number;
    overridden: boolean;
    reason: string | null;
    previous_level: number | null;
    decided_at: Date;
    decider: string;
  }>(
    `SELECT d.id, d.patient_id, v.given_name, v.family_name, d.proposed_level, d.confirmed_level, d.overridden, d.reason,
            d.decided_at, u.display_name AS decider,
            (SELECT d2.confirmed_level FROM harm_decisions d2 WHERE d2.patient_id = d.patient_id AND d2.decided_at < d.decided_at
             ORDER BY d2.decided_at DESC LIMIT 1) AS previous_level
     FROM harm_decisions d JOIN patients p ON p.id = d.patient_id
     JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
     JOIN users u ON u.id = d.decided_by
     WHERE p.service_id = ANY($1::uuid[])
       AND NOT EXISTS (SELECT 1 FROM supervision_notes n WHERE n.item_type = 'decision' AND n.item_id = d.id::text AND n.signed_off)
     ORDER BY d.decided_at DESC LIMIT 500`,
    [serviceIds],
  );
  const notes = await db.query<{
    item_id: string;
    note: string;
    signed_off: boolean;
    display_name: string;
    recorded_at: Date;
  }>(
    `SELECT n.item_id, n.note, n.signed_off, u.display_name, n.recorded_at FROM supervision_notes n JOIN users u ON u.id = n.recorded_by
     WHERE n.item_type = 'decision' AND n.item_id = ANY($1::text[]) ORDER BY n.recorded_at`,
    [rows.map((r) => r.id)],
  );
  const notesFor = (id: string) =>
    notes
      .filter((n) => n.item_id === id)
      .map((n) => ({
        note: n.note,
        signedOff: n.signed_off,
        by: n.display_name,
        at: n.recorded_at.toISOString(),
      }));
  const items: SupervisionItem[] = [];
  for (const r of rows) {
    const base = {
      itemType: 'decision' as const,
      itemId: r.id,
      patientId: r.patient_id,
      patientName: `${r.family_name.toUpperCase()}, ${r.given_name}`,
      at: r.decided_at.toISOString(),
      notes: notesFor(r.id),
    };
    // Which decisions are listed, and why, is the domain's rule (src/domain/harm/supervision.ts).
    const entries = decisionSupervisionEntries({
      overridden: r.overridden,
      proposedLevel: r.proposed_level as LevelNumber,
      confirmedLevel: r.confirmed_level as LevelNumber,
      previousLevel: r.previous_level as LevelNumber | null,
      reason: r.reason,
      decidedBy: r.decider,
    });
    for (const entry of entries) items.push({ ...base, ...entry });
  }
  for (const review of await reviewWorklist(db, serviceIds, today, 0)) {
    const entry = overdueReviewEntry(review, today);
    if (!entry) continue;
    items.push({
      ...entry,
      itemType: 'review',
      itemId: review.patientId,
      patientId: review.patientId,
      patientName: `${review.familyName.toUpperCase()}, ${review.givenName}`,
      at: review.reviewDue,
      notes: [],
    });
  }
  return { items, overrideCount: rows.filter((r) => r.overridden).length };
}

/** What a supervision note is about: a harm decision, an assessment, or a patient's review. */
export type SupervisionItemType = 'decision' | 'assessment' | 'review';

const TARGET_SQL: Record<SupervisionItemType, string> = {
  decision:
    'SELECT d.patient_id, p.service_id FROM harm_decisions d JOIN patients p ON p.id = d.patient_id WHERE d.id::text = $1',
  assessment:
    'SELECT a.patient_id, p.service_id FROM harm_assessments a JOIN patients p ON p.id = a.patient_id WHERE a.id::text = $1',
  review: 'SELECT p.id AS patient_id, p.service_id FROM patients p WHERE p.id::text = $1',
};

/** The patient (and service) a supervision note's item belongs to, or undefined when there is no such item. */
export async function supervisionTarget(
  db: Queryable,
  itemType: SupervisionItemType,
  itemId: string,
): Promise<{ patient_id: string; service_id: string } | undefined> {
  return (await db.query<{ patient_id: string; service_id: string }>(TARGET_SQL[itemType], [itemId]))[0];
}

export function insertSupervisionNote(
  tx: Queryable,
  n: {
    itemType: SupervisionItemType;
    itemId: string;
    patientId: string;
    note: string;
    signedOff: boolean;
    at: Date;
    by: string;
  },
): Promise<string> {
  return insertReturningId(
    tx,
    'INSERT INTO supervision_notes (item_type, item_id, patient_id, note, signed_off, recorded_at, recorded_by) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id',
    [n.itemType, n.itemId, n.patientId, n.note, n.signedOff, n.at, n.by],
  );
}

// The patient timeline: every event about a patient, appended by each capability, read in time order.
import type { TimelineEvent } from '../schemas/patient.ts';
import type { Queryable } from './db.ts';

export interface NewTimelineEvent {
  patientId: string;
  occurredAt: Date;
  kind: string;
  summary: string;
  refType?: string;
  refId?: string;
  actorId?: string;
}

export async function addTimelineEvent(tx: Queryable, e: NewTimelineEvent): Promise<void> {
  await tx.query(
    `INSERT INTO timeline_events (patient_id, occurred_at, kind, summary, ref_type, ref_id, actor_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.patientId, e.occurredAt, e.kind, e.summary, e.refType ?? null, e.refId ?? null, e.actorId ?? null],
  );
}

export async function listTimeline(db: Queryable, patientId: string): Promise<TimelineEvent[]> {
  const rows = await db.query<{
    id: string;
    occurred_at: Date;
    kind: string;
    summary: string;
    ref_type: string | null;
    ref_id: string | null;
    actor_id: string | null;
    display_name: string | null;
  }>(
    `SELECT t.*, u.display_name FROM timeline_events t LEFT JOIN users u ON u.id = t.actor_id
     WHERE t.patient_id = $1 ORDER BY t.occurred_at, t.recorded_at`,
    [patientId],
  );
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    kind: r.kind,
    summary: r.summary,
    refType: r.ref_type,
    refId: r.ref_id,
    actor: r.actor_id ? { id: r.actor_id, displayName: r.display_name ?? '' } : null,
  }));
}

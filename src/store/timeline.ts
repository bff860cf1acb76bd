// The patient timeline: every event about a patient, appended by each capability, read in time order (either way) and by kind.
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

/** Which lines of a timeline to read, and in which order (oldest first unless asked). */
export interface TimelineFilter {
  order?: 'asc' | 'desc';
  /** Only lines of these kinds; all kinds when absent or empty. */
  kinds?: readonly string[];
}

export async function listTimeline(
  db: Queryable,
  patientId: string,
  filter: TimelineFilter = {},
): Promise<TimelineEvent[]> {
  const kinds = filter.kinds && filter.kinds.length > 0 ? [...filter.kinds] : null;
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
     WHERE t.patient_id = $1 AND ($2::text[] IS NULL OR t.kind = ANY($2::text[]))
     ORDER BY t.occurred_at, t.recorded_at`,
    [patientId, kinds],
  );
  // Newest first is the same list turned round, so lines recorded together keep one relative order either way.
  const ordered = filter.order === 'desc' ? rows.reverse() : rows;
  return ordered.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    kind: r.kind,
    summary: r.summary,
    refType: r.ref_type,
    refId: r.ref_id,
    actor: r.actor_id ? { id: r.actor_id, displayName: r.display_name ?? '' } : null,
  }));
}

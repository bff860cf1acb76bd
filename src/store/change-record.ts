// The record of one clinical change, without a request: the patient's timeline line (when the change belongs on a
// chart) and the audit entry, written in the caller's transaction so the record, its chart line and its audit stand
// or fall together. The API (src/api/record-change.ts) and the demo builder (src/cli/demo) both write through it.
import type { Json } from '../domain/audit/canonical-json.ts';
import { appendAudit, type AuditOutcome } from './audit.ts';
import type { Queryable } from './db.ts';
import { addTimelineEvent } from './timeline.ts';

/** A line on a patient's timeline. */
export interface ChartLine {
  kind: string;
  summary: string;
  /** When it happened, if not now. */
  occurredAt?: Date;
  /** What the line points at, when not the audited resource (a record's version, a grant). */
  ref?: { type: string; id: string };
  /** The line names no actor: the rules raised it, not the person whose request did. */
  byRules?: boolean;
}

/** A change as recorded: who acted and from where are known; the line needs `patientId`. */
export interface ChangeRecord {
  action: string;
  resource: { type: string; id?: string | null };
  patientId: string | null;
  timeline?: ChartLine;
  details?: { [key: string]: Json };
  flagged?: boolean;
  outcome: AuditOutcome;
  actorId: string | null;
  ip?: string | null;
  requestId?: string | null;
  now: Date;
}

/** Writes the timeline line (if any) and the audit entry for a change, inside `tx`. */
export async function writeChangeRecord(tx: Queryable, change: ChangeRecord): Promise<void> {
  const { patientId, actorId } = change;
  const line = change.timeline;
  if (line) {
    if (!patientId) throw new Error(`timeline line for ${change.action} names no patient`);
    const ref = line.ref ?? change.resource;
    await addTimelineEvent(tx, {
      patientId,
      occurredAt: line.occurredAt ?? change.now,
      kind: line.kind,
      summary: line.summary,
      refType: ref.type,
      ...(ref.id ? { refId: ref.id } : {}),
      ...(actorId && !line.byRules ? { actorId } : {}),
    });
  }
  await appendAudit(
    tx,
    {
      actorId,
      action: change.action,
      resourceType: change.resource.type,
      resourceId: change.resource.id ?? null,
      patientId,
      outcome: change.outcome,
      ip: change.ip ?? null,
      requestId: change.requestId ?? null,
      ...(change.flagged !== undefined ? { flagged: change.flagged } : {}),
      ...(change.details ? { details: change.details } : {}),
    },
    change.now,
  );
}

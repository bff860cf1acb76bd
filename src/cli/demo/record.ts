// The demo's change record: the chart line (when the change belongs on a chart) and the audit entry, written in
// the step's transaction exactly as the API's record-change.ts writes them, by the clinician who acted.
import type { Json } from '../../domain/audit/canonical-json.ts';
import { appendAudit } from '../../store/audit.ts';
import type { Queryable } from '../../store/db.ts';
import { addTimelineEvent } from '../../store/timeline.ts';

export interface DemoChange {
  action: string;
  resource: { type: string; id?: string | null };
  patientId?: string | null;
  timeline?: {
    kind: string;
    summary: string;
    occurredAt?: Date;
    ref?: { type: string; id: string };
    /** Raised by the rules, not by the person acting: the line names no actor. */
    byRules?: boolean;
  };
  details?: { [key: string]: Json };
  /** Who acted. */
  actorId: string;
  /** When the change was recorded. */
  now: Date;
}

/** The request id demo entries carry in the audit log, so they are told apart from real use. */
export const DEMO_REQUEST_ID = 'kaspr-demo';

export async function recordDemoChange(tx: Queryable, change: DemoChange): Promise<void> {
  const patientId = change.patientId ?? null;
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
      ...(line.byRules ? {} : { actorId: change.actorId }),
    });
  }
  await appendAudit(
    tx,
    {
      actorId: change.actorId,
      action: change.action,
      resourceType: change.resource.type,
      resourceId: change.resource.id ?? null,
      patientId,
      outcome: 'success',
      requestId: DEMO_REQUEST_ID,
      ...(change.details ? { details: change.details } : {}),
    },
    change.now,
  );
}

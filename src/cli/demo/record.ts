// The demo's change record: the chart line (when the change belongs on a chart) and the audit entry, written in
// the step's transaction through the same store step as the API (store/change-record.ts), by the clinician who acted.
import type { Json } from '../../domain/audit/canonical-json.ts';
import { writeChangeRecord, type ChartLine } from '../../store/change-record.ts';
import type { Queryable } from '../../store/db.ts';

export interface DemoChange {
  action: string;
  resource: { type: string; id?: string | null };
  patientId?: string | null;
  timeline?: ChartLine;
  details?: { [key: string]: Json };
  /** Who acted. */
  actorId: string;
  /** When the change was recorded. */
  now: Date;
}

/** The request id demo entries carry in the audit log, so they are told apart from real use. */
export const DEMO_REQUEST_ID = 'kaspr-demo';

export function recordDemoChange(tx: Queryable, change: DemoChange): Promise<void> {
  return writeChangeRecord(tx, {
    ...change,
    patientId: change.patientId ?? null,
    outcome: 'success',
    requestId: DEMO_REQUEST_ID,
  });
}

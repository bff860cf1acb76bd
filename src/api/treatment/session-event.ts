// One entry on a dosing session's flowsheet, stored with its audit entry (and chart line) in the caller's transaction.
import type { FastifyRequest } from 'fastify';
import type { Json } from '../../domain/audit/canonical-json.ts';
import type { Queryable } from '../../store/db.ts';
import { addSessionEvent, type SessionRow } from '../../store/treatment.ts';
import { authOf } from '../context.ts';
import { recordChange } from '../record-change.ts';

/** A flowsheet entry and how it is audited. */
export interface SessionEventChange {
  session: SessionRow;
  kind: string;
  data: Record<string, unknown>;
  /** When it happened (a reading's time, an administration time); `now` is when it was recorded. */
  at: Date;
  now: Date;
  /** The audit action, e.g. `treatment-session.vitals`. */
  action: string;
  /** True under break-glass access: the entry is flagged for review. */
  flagged: boolean;
  details?: { [key: string]: Json };
  timeline?: { kind: string; summary: string; occurredAt?: Date };
}

/** Stores the entry by the signed-in user and records the change against the session; returns the entry's id. */
export async function recordSessionEvent(
  tx: Queryable,
  req: FastifyRequest,
  e: SessionEventChange,
): Promise<number> {
  const eventId = await addSessionEvent(tx, {
    sessionId: e.session.id,
    kind: e.kind,
    data: e.data,
    at: e.at,
    recordedAt: e.now,
    by: authOf(req).user.id,
  });
  await recordChange(req, tx, {
    action: e.action,
    resource: { type: 'TreatmentSession', id: e.session.id },
    patientId: e.session.patient_id,
    ...(e.timeline ? { timeline: e.timeline } : {}),
    flagged: e.flagged,
    ...(e.details ? { details: e.details } : {}),
    now: e.now,
  });
  return eventId;
}

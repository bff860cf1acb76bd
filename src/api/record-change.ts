// One step for every clinical change: the timeline line (when the change belongs on a chart) and the audit
// entry, written in the caller's transaction so the record, its chart line and its audit stand or fall together.
import type { FastifyRequest } from 'fastify';
import type { Json } from '../domain/audit/canonical-json.ts';
import type { AuditOutcome } from '../store/audit.ts';
import type { Queryable } from '../store/db.ts';
import { addTimelineEvent } from '../store/timeline.ts';
import { auditFrom } from './context.ts';

/** What changed: the audit action and resource, and the chart line when the change is about a patient. */
export interface ClinicalChange {
  /** The audit action, e.g. `harm-assessment.create`. */
  action: string;
  resource: { type: string; id?: string | null };
  patientId?: string | null;
  /** How the user reached the patient (see patient-access.ts): gives `patientId`, and flags a break-glass use. */
  access?: { patientId: string; breakGlass: boolean };
  /** A line on the patient's timeline; needs `patientId` (or `access`). */
  timeline?: { kind: string; summary: string; occurredAt?: Date };
  details?: { [key: string]: Json };
  flagged?: boolean;
  outcome?: AuditOutcome;
  /** Who acted, when not the signed-in user (a patient's self-report link, the first administrator). */
  actorId?: string | null;
  now: Date;
}

/** Writes the timeline line (if any) and the audit entry for a change, inside `tx`. */
export async function recordChange(
  req: FastifyRequest,
  tx: Queryable,
  change: ClinicalChange,
): Promise<void> {
  const actorId = change.actorId !== undefined ? change.actorId : (req.auth?.user.id ?? null);
  const patientId = change.patientId ?? change.access?.patientId ?? null;
  const flagged = change.flagged ?? change.access?.breakGlass;
  if (change.timeline) {
    if (!patientId) throw new Error(`timeline line for ${change.action} names no patient`);
    await addTimelineEvent(tx, {
      patientId,
      occurredAt: change.timeline.occurredAt ?? change.now,
      kind: change.timeline.kind,
      summary: change.timeline.summary,
      refType: change.resource.type,
      ...(change.resource.id ? { refId: change.resource.id } : {}),
      ...(actorId ? { actorId } : {}),
    });
  }
  await auditFrom(
    req,
    tx,
    {
      action: change.action,
      resourceType: change.resource.type,
      resourceId: change.resource.id ?? null,
      patientId,
      outcome: change.outcome ?? 'success',
      actorId,
      ...(flagged !== undefined ? { flagged } : {}),
      ...(change.details ? { details: change.details } : {}),
    },
    change.now,
  );
}

/** A refusal that must leave an audit trace (a denied or blocked attempt): no timeline line, outcome `denied`. */
export function recordRefusal(
  req: FastifyRequest,
  tx: Queryable,
  refusal: Omit<ClinicalChange, 'timeline' | 'outcome'> & { outcome?: Exclude<AuditOutcome, 'success'> },
): Promise<void> {
  return recordChange(req, tx, { ...refusal, outcome: refusal.outcome ?? 'denied' });
}

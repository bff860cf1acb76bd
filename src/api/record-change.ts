// One step for every clinical change made through the API: the timeline line and the audit entry
// (store/change-record.ts), by the signed-in user, from the request's address and id.
import type { FastifyRequest } from 'fastify';
import type { Json } from '../domain/audit/canonical-json.ts';
import type { AuditOutcome } from '../store/audit.ts';
import { writeChangeRecord, type ChartLine } from '../store/change-record.ts';
import type { Queryable } from '../store/db.ts';
import type { AppContext } from './context.ts';

/** What changed: the audit action and resource, and the chart line when the change is about a patient. */
export interface ClinicalChange {
  /** The audit action, e.g. `harm-assessment.create`. */
  action: string;
  resource: { type: string; id?: string | null };
  patientId?: string | null;
  /** How the user reached the patient (see patient-access.ts): gives `patientId`, and flags a break-glass use. */
  access?: { patientId: string; breakGlass: boolean };
  /** A line on the patient's timeline; needs `patientId` (or `access`). */
  timeline?: ChartLine;
  details?: { [key: string]: Json };
  flagged?: boolean;
  outcome?: AuditOutcome;
  /** Who acted, when not the signed-in user (a patient's self-report link, the first administrator). */
  actorId?: string | null;
  now: Date;
}

/** The records a clinician adds to a chart, by timeline kind, with the audit resource type each is logged as. */
const CHART_RECORDS = {
  appointment: 'Appointment',
  'care-message': 'CareMessage',
  'care-plan': 'CarePlan',
  consent: 'Consent',
  'crisis-event': 'CrisisEvent',
  eligibility: 'Eligibility',
  formulation: 'Formulation',
  'harm-assessment': 'HarmAssessment',
  'onward-referral': 'OnwardReferral',
  referral: 'Referral',
  task: 'Task',
  'therapy-session': 'TherapySession',
  'treatment-session': 'TreatmentSession',
} as const;

/**
 * A record added to a chart: audit action `<kind>.create` on its resource and, given a `summary`, the chart line
 * (dated `occurredAt` when the event happened before it was recorded).
 */
export function added(
  kind: keyof typeof CHART_RECORDS,
  id: string,
  summary?: string,
  occurredAt?: Date,
): Pick<ClinicalChange, 'action' | 'resource' | 'timeline'> {
  const resource = { type: CHART_RECORDS[kind], id };
  if (summary === undefined) return { action: `${kind}.create`, resource };
  return {
    action: `${kind}.create`,
    resource,
    timeline: { kind, summary, ...(occurredAt ? { occurredAt } : {}) },
  };
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
  await writeChangeRecord(tx, {
    action: change.action,
    resource: change.resource,
    patientId,
    ...(change.timeline ? { timeline: change.timeline } : {}),
    ...(change.details ? { details: change.details } : {}),
    ...(flagged !== undefined ? { flagged } : {}),
    outcome: change.outcome ?? 'success',
    actorId,
    ip: req.ip,
    requestId: req.id,
    now: change.now,
  });
}

/** A refusal that must leave an audit trace (a denied or blocked attempt): no timeline line, outcome `denied`. */
export function recordRefusal(
  req: FastifyRequest,
  tx: Queryable,
  refusal: Omit<ClinicalChange, 'timeline' | 'outcome'> & { outcome?: Exclude<AuditOutcome, 'success'> },
): Promise<void> {
  return recordChange(req, tx, { ...refusal, outcome: refusal.outcome ?? 'denied' });
}

/**
 * Audits a read that touches no single patient's chart (a worklist, a day list, a report) in its own
 * transaction; the read fails if the audit cannot be written. `about` names the one record read, if any.
 */
export function auditAccess(
  ctx: AppContext,
  req: FastifyRequest,
  action: string,
  resourceType: string,
  details?: { [key: string]: Json },
  about: { id?: string; patientId?: string | null } = {},
): Promise<void> {
  const resource = { type: resourceType, id: about.id ?? null };
  const change = { action, resource, patientId: about.patientId ?? null, now: ctx.now() };
  return ctx.db.transaction((tx) => recordChange(req, tx, details ? { ...change, details } : change));
}

// Object-level access to a patient: their service, or an active break-glass grant; otherwise 404, audited.
import type { FastifyRequest } from 'fastify';
import { hasActiveBreakGlassGrant } from '../store/break-glass.ts';
import { readAuditBatcher } from '../store/audit-batch.ts';
import { findPatient, findPatientService, toRecord } from '../store/patients.ts';
import type { PatientRecord } from '../schemas/patient.ts';
import { authOf, type AppContext } from './context.ts';
import { recordChange, recordRefusal } from './record-change.ts';
import { problem } from './problem.ts';

export interface PatientAccess {
  patientId: string;
  serviceId: string;
  /** True when access comes from a break-glass grant: every use is flagged for review. */
  breakGlass: boolean;
}

/**
 * Resolves whether the signed-in user may see this patient. A patient who does not exist and one the user
 * may not see give the same 404, so the answer leaks nothing (OWASP A01; security.md R3/R4).
 */
export async function patientAccess(
  ctx: AppContext,
  req: FastifyRequest,
  patientId: string,
  action: string,
): Promise<PatientAccess> {
  const auth = authOf(req);
  const now = ctx.now();
  const serviceId = await findPatientService(ctx.db, patientId);
  if (serviceId && auth.user.service_ids.includes(serviceId))
    return { patientId, serviceId, breakGlass: false };
  if (serviceId && (await hasActiveBreakGlassGrant(ctx.db, auth.user.id, patientId, now))) {
    return { patientId, serviceId, breakGlass: true };
  }
  await ctx.db.transaction((tx) =>
    recordRefusal(req, tx, {
      action,
      resource: { type: 'Patient', id: patientId },
      patientId: serviceId ? patientId : null,
      outcome: serviceId ? 'denied' : 'not-found',
      now,
    }),
  );
  throw problem('not-found');
}

/**
 * Audits a read of patient data before it is answered; the read fails if the audit cannot be written. The entry
 * is one statement, so it is its own transaction (no BEGIN and COMMIT round trips on the hot path).
 */
export async function auditRead(
  ctx: AppContext,
  req: FastifyRequest,
  access: PatientAccess,
  action: string,
  resourceType = 'Patient',
  resourceId: string = access.patientId,
): Promise<void> {
  await recordChange(req, ctx.db, {
    action,
    resource: { type: resourceType, id: resourceId },
    access,
    now: ctx.now(),
  });
}

/** The audit entry of a chart read by the signed-in user, as the batcher takes it. */
function readRequest(
  ctx: AppContext,
  req: FastifyRequest,
  patientId: string,
  action: string,
  resourceType: string,
) {
  const auth = authOf(req);
  return {
    event: {
      actorId: auth.user.id,
      action,
      resourceType,
      resourceId: patientId,
      patientId,
      outcome: 'success' as const,
      ip: req.ip,
      requestId: req.id,
    },
    serviceIds: auth.user.service_ids,
    now: ctx.now(),
  };
}

/**
 * Resolves access to a patient's chart for a read and audits the read before anything is read: a chart read is
 * on the record even when it then fails.
 */
export async function patientRead(
  ctx: AppContext,
  req: FastifyRequest,
  patientId: string,
  action: string,
  resourceType = 'Patient',
): Promise<PatientAccess> {
  // Nearly every read is of a patient in the user's own services: checked and audited in one statement, shared
  // with the reads that arrive at the same time (group commit); answered only once the entry has committed.
  const serviceId = await readAuditBatcher(ctx.db).append(
    readRequest(ctx, req, patientId, action, resourceType),
  );
  if (serviceId) return { patientId, serviceId, breakGlass: false };
  return fullRead(ctx, req, patientId, action, resourceType);
}

/**
 * `patientRead` for the patient's record itself: in the common case the check, the audit entry and the record come
 * from one statement (the record read after the entry is written, answered after it commits).
 */
export async function patientRecordRead(
  ctx: AppContext,
  req: FastifyRequest,
  patientId: string,
  action: string,
): Promise<{ access: PatientAccess; patient: PatientRecord | undefined }> {
  const allowed = await readAuditBatcher(ctx.db).appendAndRead(
    readRequest(ctx, req, patientId, action, 'Patient'),
  );
  if (allowed) {
    const access = { patientId, serviceId: allowed.serviceId, breakGlass: false };
    return { access, patient: allowed.patient ? toRecord(allowed.patient) : undefined };
  }
  const access = await fullRead(ctx, req, patientId, action, 'Patient');
  return { access, patient: await findPatient(ctx.db, patientId) };
}

/** The full check: a break-glass grant (audited as flagged), or a refusal (audited) and 404. */
async function fullRead(
  ctx: AppContext,
  req: FastifyRequest,
  patientId: string,
  action: string,
  resourceType: string,
): Promise<PatientAccess> {
  const access = await patientAccess(ctx, req, patientId, action);
  await auditRead(ctx, req, access, action, resourceType);
  return access;
}

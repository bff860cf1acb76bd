// Starting a dosing session: gathers consent, eligibility, ACLS, the prescriber behind any prescriber decision
// and the patient's session history, asks the domain's gates, calculates the dose, and stores the session.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { protocolRef, sessionPreChecks, type Route } from '../../domain/treatment/index.ts';
import { prescriberReasonBlock, type GateBlock } from '../../domain/treatment/session-gates.ts';
import { withSetupHints } from '../../domain/setup/setup-hints.ts';
import { clinicToday } from '../../domain/treatment/clinic-day.ts';
import { sessionHistoryCheck, type PastSession } from '../../domain/treatment/session-history.ts';
import type { startSessionSchema } from '../../schemas/treatment.ts';
import type { Queryable } from '../../store/db.ts';
import { findPatient } from '../../store/patients.ts';
import { eligibilityPregnancy } from '../../store/eligibility-pregnancy.ts';
import { serviceForDocuments } from '../../store/services.ts';
import { activeConsent } from '../../store/consents.ts';
import {
  addSessionEvent,
  hasValidAcls,
  insertSession,
  latestEligibility,
  lockPatientForSession,
  sessionHistory,
} from '../../store/treatment.ts';
import { authOf, type AppContext } from '../context.ts';
import { added, recordChange, recordRefusal } from '../record-change.ts';
import type { PatientAccess } from '../patient-access.ts';
import { prescriberAuthority } from './prescriber-authority.ts';
import { problem, ruleRefusal } from '../problem.ts';
import { toVitalSigns } from './session-vitals.ts';
import { doseOrRefuse, serviceProtocolOr404 } from './treatment-dose.ts';

type StartSession = z.infer<typeof startSessionSchema>;

async function pastSessions(db: Queryable, patientId: string): Promise<PastSession[]> {
  return (await sessionHistory(db, patientId)).map((s) => ({
    startedAt: s.started_at,
    route: s.route as Route,
    discharged: s.discharged,
    administered: s.administered,
  }));
}

/** Refuses with the first block, auditing the denial with every block's code. */
async function refuse(
  ctx: AppContext,
  req: FastifyRequest,
  patientId: string,
  blocks: readonly GateBlock[],
  now: Date,
): Promise<never> {
  await ctx.db.transaction((tx) =>
    recordRefusal(req, tx, {
      action: 'treatment-session.create',
      resource: { type: 'TreatmentSession' },
      patientId,
      details: { blocks: blocks.map((b) => b.code) },
      now,
    }),
  );
  const first = blocks[0];
  // A block that set-up lifts (no ACLS-credentialed clinician yet) carries what to set up and where (`setup`).
  throw ruleRefusal('blocked', first?.code ?? 'consent-required', blocks.map((b) => b.text).join(' '), {
    blocks: withSetupHints(blocks),
  });
}

/** Starts a session when every gate passes; answers the reply body of `POST /patients/:id/treatment-sessions`. */
export async function startSession(
  ctx: AppContext,
  req: FastifyRequest,
  access: PatientAccess,
  body: StartSession,
) {
  const auth = authOf(req);
  const protocol = await serviceProtocolOr404(ctx.db, body.protocol, access.serviceId);
  const now = ctx.now();
  // ACLS expiry and the weight's age count in the clinic's days, not UTC's.
  const today = clinicToday(now, (await serviceForDocuments(ctx.db, access.serviceId)).timeZone);
  const consent = await activeConsent(ctx.db, access.patientId, protocol.route);
  const eligibility = await latestEligibility(ctx.db, access.patientId, protocol.route);
  const acls = body.aclsClinicianId ? await hasValidAcls(ctx.db, body.aclsClinicianId, today) : false;
  const prescriber = await prescriberAuthority(ctx, req, auth.user, body.prescriber, access.serviceId);
  const history = sessionHistoryCheck({
    protocol,
    now,
    sessions: await pastSessions(ctx.db, access.patientId),
    ...(body.firstSession !== undefined ? { declaredFirstSession: body.firstSession } : {}),
  });
  const checks = sessionPreChecks({
    protocol,
    consent: consent ? { active: true, route: protocol.route } : null,
    eligibility: eligibility
      ? {
          signed: eligibility.decision === 'eligible',
          ...(await eligibilityPregnancy(ctx.db, eligibility.id)),
        }
      : null,
    baseline: toVitalSigns(body.baseline),
    now,
    escortConfirmed: body.escortConfirmed,
    fastingConfirmed: body.fastingConfirmed,
    newContraindication: body.newContraindication,
    aclsClinicianPresent: acls,
    setting: body.setting,
    acknowledgedByPrescriber: prescriber !== null,
    ...(body.prescriberAcknowledgedHighBp !== undefined
      ? { prescriberAcknowledgedHighBp: body.prescriberAcknowledgedHighBp }
      : {}),
    ...(body.chaperonePresent !== undefined ? { chaperonePresent: body.chaperonePresent } : {}),
    ...(body.prescriberOnSite !== undefined ? { prescriberOnSite: body.prescriberOnSite } : {}),
    ...(body.remsPatientEnrolled !== undefined ? { remsPatientEnrolled: body.remsPatientEnrolled } : {}),
  });
  const blocks = [...checks.blocks, ...history.blocks];
  if (blocks.length > 0) await refuse(ctx, req, access.patientId, blocks, now);
  const patient = await findPatient(ctx.db, access.patientId);
  if (!patient || !consent) throw problem('not-found');
  const dose = doseOrRefuse(protocol, patient.weight ?? null, today, body.dose, history.firstSession);
  const unauthorised = prescriberReasonBlock(dose, prescriber !== null);
  if (unauthorised) await refuse(ctx, req, access.patientId, [unauthorised], now);
  const decidedBy = prescriber
    ? { userId: prescriber.userId, via: prescriber.via, at: now.toISOString() }
    : null;
  const { baseline: _b, dose: _d, prescriber: _p, ...answers } = body;
  const prechecks = {
    ...answers,
    firstSession: history.firstSession,
    ...(body.firstSession !== undefined ? { firstSessionDeclared: body.firstSession } : {}),
    ...(body.prescriberAcknowledgedHighBp === true && decidedBy ? { highBpAcknowledgedBy: decidedBy } : {}),
    warnings: history.warnings.map((w) => w.code),
  };
  const storedDose = {
    ...dose,
    ...(dose.prescriberReason && decidedBy ? { prescriberReasonBy: decidedBy } : {}),
  };
  const id = await ctx.db.transaction(async (tx) => {
    // Two starts for one patient run one at a time; the open-session rule is asked again under the lock.
    await lockPatientForSession(tx, access.patientId);
    const again = sessionHistoryCheck({ protocol, now, sessions: await pastSessions(tx, access.patientId) });
    const open = again.blocks.find((b) => b.code === 'session-already-open');
    if (open) throw ruleRefusal('blocked', open.code, open.text, { blocks: [open] });
    const sessionId = await insertSession(tx, {
      patientId: access.patientId,
      serviceId: access.serviceId,
      protocolRef: protocolRef(protocol),
      protocol,
      setting: body.setting,
      consentId: consent.id,
      prechecks,
      baseline: body.baseline,
      dose: storedDose,
      aclsUserId: body.aclsClinicianId ?? null,
      startedAt: now,
      createdBy: auth.user.id,
    });
    await addSessionEvent(tx, {
      sessionId,
      kind: 'vitals',
      data: { ...body.baseline, baseline: true, alerts: [] },
      at: new Date(body.baseline.takenAt),
      recordedAt: now,
      by: auth.user.id,
    });
    const line = `Dosing session started: ${protocol.title}, ${dose.doseMg} mg planned`;
    const details = {
      protocol: protocolRef(protocol),
      ...(decidedBy ? { prescriberDecisionBy: decidedBy.userId } : {}),
    };
    await recordChange(req, tx, { ...added('treatment-session', sessionId, line), access, details, now });
    return sessionId;
  });
  return {
    id,
    protocol: protocolRef(protocol),
    dose: storedDose,
    prechecks: checks,
    warnings: history.warnings,
    firstSession: {
      value: history.firstSession,
      fromHistory: true,
      ...(history.declaredFirstSessionIgnored
        ? {
            declaredIgnored: true,
            note: `The declared firstSession (${String(body.firstSession)}) was ignored: the patient’s session history says ${history.firstSession ? 'this is the first session on this route' : 'an earlier session on this route gave a dose'}.`,
          }
        : {}),
    },
  };
}

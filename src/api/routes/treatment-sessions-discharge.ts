// /treatment-sessions/:id/discharge and its summary PDF: safe discharge, refused until every rule is met.
import { fileReply } from '../../schemas/replies/common.ts';
import { dischargedReply } from '../../schemas/replies/treatment.ts';
import type { z } from 'zod';
import {
  dischargedSessionRefusal,
  dischargeRecord,
  dischargeSummaryFacts,
  type DischargeRecord,
} from '../../domain/treatment/discharge-events.ts';
import { dischargeSummary } from '../../domain/treatment/discharge-summary.ts';
import { dischargeCheck } from '../../domain/treatment/index.ts';
import { noDrivingShort } from '../../domain/treatment/no-driving-text.ts';
import { dischargeAdvice } from '../../domain/consent/documents.ts';
import { readDischargeRecord } from '../../documents/discharge-record.ts';
import { renderDischargeSummary } from '../../documents/discharge-summary.ts';
import { idParams } from '../../schemas/common.ts';
import { dischargeSchema } from '../../schemas/treatment.ts';
import { findPatient } from '../../store/patients.ts';
import type { Queryable } from '../../store/db.ts';
import { serviceForDocuments } from '../../store/services.ts';
import { sessionPrescriberName } from '../../store/session-people.ts';
import { insertDischarge, latestEligibility, sessionEvents, type SessionRow } from '../../store/treatment.ts';
import { findUserById } from '../../store/users.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { auditRead } from '../patient-access.ts';
import { problem, ruleRefusal } from '../problem.ts';
import { recordChange } from '../record-change.ts';
import { visibleSession, writableSession } from '../session-access.ts';
import { sessionProtocol, toVitalSigns } from '../treatment/session-vitals.ts';

/** The domain's discharge rules over the session's record and what the clinician confirmed. */
function checkDischarge(
  session: SessionRow,
  record: DischargeRecord,
  b: z.infer<typeof dischargeSchema>,
  now: Date,
  timeZone: string,
) {
  return dischargeCheck({
    protocol: sessionProtocol(session.protocol),
    baseline: toVitalSigns(session.baseline),
    latestVitals: record.latestVitals,
    postDoseVitals: record.postDoseVitals,
    administrationEndedAt: record.administrationEndedAt,
    dosedAt: record.dosedAt,
    now,
    alertAndOriented: b.alertAndOriented,
    escortPresent: b.escortPresent,
    setting: session.setting,
    ...(b.effectsResolved !== undefined ? { effectsResolved: b.effectsResolved } : {}),
    // "The next day" (esketamine) is the service's next day, whatever offset the client's clock is on.
    timeZone,
    ...(b.bpCheckpointMissedReason !== undefined
      ? { bpCheckpointMissedReason: b.bpCheckpointMissedReason }
      : {}),
  });
}

/** The name of the prescriber who signed eligibility for the session's route, or null. */
async function prescriberName(ctx: AppContext, session: SessionRow): Promise<string | null> {
  const route = (session.protocol as { route?: string }).route ?? '';
  const signer = (await latestEligibility(ctx.db, session.patient_id, route))?.signed_by;
  return signer ? ((await findUserById(ctx.db, signer))?.display_name ?? null) : null;
}

/** The PDF for a discharged session; times on the service's clock with its zone. */
async function dischargeSummaryPdf(
  db: Queryable,
  session: SessionRow & { discharged_at: Date; no_driving_until: Date },
  patient: { givenName: string; familyName: string; birthDate: string },
): Promise<Buffer> {
  const protocol = sessionProtocol(session.protocol);
  const stored = (session.discharge_summary ?? {}) as { ifUnwell?: unknown; administrationEndedAt?: unknown };
  const events = await sessionEvents(db, session.id);
  const record = readDischargeRecord(session.discharge_summary, events);
  const ended = new Date(
    typeof stored.administrationEndedAt === 'string' ? stored.administrationEndedAt : session.discharged_at,
  );
  const pdf = await renderDischargeSummary({
    patient,
    clinic: await serviceForDocuments(db, session.service_id),
    protocolTitle: protocol.title,
    route: protocol.route,
    noDrivingRule: protocol.discharge.noDriving.kind,
    noDrivingSource:
      protocol.discharge.noDriving.kind === 'hours-after-end'
        ? protocol.discharge.noDriving.hours.source
        : protocol.discharge.noDriving.source,
    prescriber:
      record.prescriber ??
      (await sessionPrescriberName(db, {
        patientId: session.patient_id,
        route: protocol.route,
        createdBy: session.created_by,
      })),
    doseGivenMg: record.doseGivenMg,
    administrationStartedAt: record.administrationStartedAt,
    administrationEndedAt: ended,
    dischargedAt: session.discharged_at,
    noDrivingUntil: session.no_driving_until,
    vitals: record.vitals,
    alerts: record.alerts,
    observations: record.observations,
    ifUnwell: typeof stored.ifUnwell === 'string' ? stored.ifUnwell : dischargeAdvice.text,
    ifUnwellSource: dischargeAdvice.source,
  });
  return pdf;
}

export function treatmentSessionDischargeRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/treatment-sessions/:id/discharge',
    route('patient:write', { params: idParams, body: dischargeSchema, 201: dischargedReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const { session, access } = await writableSession(ctx, req, 'treatment-session.discharge');
      const record = dischargeRecord(await sessionEvents(ctx.db, session.id), session.discharged_at);
      if (!record.ok) throw ruleRefusal('blocked', record.code, record.text);
      const now = ctx.now();
      const { timeZone } = await serviceForDocuments(ctx.db, session.service_id);
      const result = checkDischarge(session, record.value, req.body, now, timeZone);
      const first = result.unmet[0];
      if (!result.ok && first) {
        throw ruleRefusal('blocked', first.code, result.unmet.map((u) => u.text).join(' '), {
          unmet: result.unmet,
          earliestDischargeAt: result.earliestDischargeAt.toISOString(),
          bpCheckpoints: dischargeSummaryFacts(record.value, result.bpCheckpoints).bpCheckpoints,
        });
      }
      const summary = dischargeSummary(record.value, result, {
        protocolRef: session.protocol_ref,
        dose: session.dose,
        prescriber: await prescriberName(ctx, session),
      });
      await ctx.db.transaction(async (tx) => {
        const stored = { sessionId: session.id, at: now, noDrivingUntil: result.noDrivingUntil, summary };
        // Two discharges at once: the second finds the session closed, and is refused by the same rule.
        if (!(await insertDischarge(tx, { ...stored, by: auth.user.id })))
          throw ruleRefusal('blocked', dischargedSessionRefusal.code, dischargedSessionRefusal.text);
        // The no-driving line on the service's clock with its zone (Spravato: after a night's sleep).
        const rule = sessionProtocol(session.protocol).discharge.noDriving.kind;
        const noDriving = noDrivingShort(rule, result.noDrivingUntil, timeZone);
        await recordChange(req, tx, {
          action: 'treatment-session.discharge',
          resource: { type: 'TreatmentSession', id: session.id },
          patientId: session.patient_id,
          timeline: { kind: 'treatment-session', summary: `Discharged; ${noDriving}` },
          flagged: access.breakGlass,
          now,
        });
      });
      const pdfPath = `/api/v1/treatment-sessions/${session.id}/discharge-summary.pdf`;
      return reply.status(201).send({ dischargedAt: now.toISOString(), ...summary, pdfPath });
    },
  );

  api.get(
    '/treatment-sessions/:id/discharge-summary.pdf',
    route('patient:read', { params: idParams, 200: fileReply('application/pdf') }),
    async (req, reply) => {
      const { session, access } = await visibleSession(ctx, req, 'treatment-session.discharge-pdf');
      if (!session.discharged_at || !session.no_driving_until)
        throw problem('not-found', 'This session has no discharge yet.');
      const patient = await findPatient(ctx.db, session.patient_id);
      if (!patient) throw problem('not-found');
      const pdf = await dischargeSummaryPdf(
        ctx.db,
        { ...session, discharged_at: session.discharged_at, no_driving_until: session.no_driving_until },
        patient,
      );
      await auditRead(ctx, req, access, 'treatment-session.discharge-pdf', 'TreatmentSession', session.id);
      return reply.type('application/pdf').send(pdf);
    },
  );
}

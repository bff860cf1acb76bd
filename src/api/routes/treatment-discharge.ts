// Safe discharge from a dosing session: refused until every rule is met; a summary on screen and as PDF.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { dischargeCheck, type SessionSetting } from '../../domain/treatment/index.ts';
import { dischargeAdvice } from '../../domain/consent/documents.ts';
import {
  dischargedSessionRefusal,
  dischargeRecord,
  dischargeSummaryFacts,
} from '../../domain/treatment/discharge-events.ts';
import { noDrivingShort } from '../../domain/treatment/no-driving-text.ts';
import { uuid } from '../../schemas/common.ts';
import { dischargeSchema } from '../../schemas/treatment.ts';
import { findPatient } from '../../store/patients.ts';
import { serviceForDocuments } from '../../store/services.ts';
import { insertDischarge, latestEligibility, sessionEvents } from '../../store/treatment.ts';
import { findUserById } from '../../store/users.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { recordChange } from '../record-change.ts';
import { auditRead } from '../patient-access.ts';
import { problem, ruleRefusal } from '../problem.ts';
import { sessionProtocol, toVitalSigns } from '../session-vitals.ts';
import { dischargeSummaryPdf } from '../discharge-summary-pdf.ts';
import { visibleSession } from '../session-access.ts';
import { remsMedicationRoutes } from './rems-medication.ts';

const idParams = z.object({ id: uuid }).strict();
/** The no-driving line for the timeline, on the service's clock with its zone (Spravato: after a night's sleep). */
const fmt = (until: Date, rule: 'hours-after-end' | 'next-day-after-sleep', timeZone: string) =>
  noDrivingShort(rule, until, timeZone);

export function dischargeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);
  remsMedicationRoutes(app, ctx);

  api.post(
    '/treatment-sessions/:id/discharge',
    {
      config: { access: 'patient:write' },
      schema: { tags: ['treatment'], params: idParams, body: dischargeSchema },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const { session, access } = await visibleSession(
        ctx,
        req,
        req.params.id,
        'treatment-session.discharge',
        true,
      );
      const protocol = sessionProtocol(session.protocol);
      const record = dischargeRecord(await sessionEvents(ctx.db, session.id), session.discharged_at);
      if (!record.ok) throw ruleRefusal('blocked', record.code, record.text);
      const r = record.value;
      const now = ctx.now();
      const b = req.body;
      const result = dischargeCheck({
        protocol,
        baseline: toVitalSigns(session.baseline),
        latestVitals: r.latestVitals,
        postDoseVitals: r.postDoseVitals,
        administrationEndedAt: r.administrationEndedAt,
        dosedAt: r.dosedAt,
        now,
        alertAndOriented: b.alertAndOriented,
        escortPresent: b.escortPresent,
        setting: session.setting as SessionSetting,
        ...(b.effectsResolved !== undefined ? { effectsResolved: b.effectsResolved } : {}),
        ...(b.utcOffsetMinutes !== undefined ? { utcOffsetMinutes: b.utcOffsetMinutes } : {}),
        ...(b.bpCheckpointMissedReason !== undefined
          ? { bpCheckpointMissedReason: b.bpCheckpointMissedReason }
          : {}),
      });
      const facts = dischargeSummaryFacts(r, result.bpCheckpoints);
      const first = result.unmet[0];
      if (!result.ok && first) {
        throw ruleRefusal('blocked', first.code, result.unmet.map((u) => u.text).join(' '), {
          unmet: result.unmet,
          earliestDischargeAt: result.earliestDischargeAt.toISOString(),
          bpCheckpoints: facts.bpCheckpoints,
        });
      }
      const route = (session.protocol as { route?: string }).route ?? '';
      const signer = (await latestEligibility(ctx.db, session.patient_id, route))?.signed_by;
      const prescriber = signer ? ((await findUserById(ctx.db, signer))?.display_name ?? null) : null;
      const summary = {
        protocol: session.protocol_ref,
        dose: session.dose,
        administrationStartedAt: r.dosedAt.toISOString(),
        // Only a route that is not infused may have no stop: dosing (the first device, the lozenge) is its end.
        administrationEndedAt: (r.administrationEndedAt ?? r.dosedAt).toISOString(),
        noDrivingUntil: result.noDrivingUntil.toISOString(),
        noDrivingRule: result.noDrivingRule,
        ifUnwell: dischargeAdvice.text,
        ...facts,
        prescriber,
      };
      await ctx.db.transaction(async (tx) => {
        // Two discharges at once: the second finds the session closed, and is refused by the same rule.
        const stored = await insertDischarge(tx, {
          sessionId: session.id,
          at: now,
          noDrivingUntil: result.noDrivingUntil,
          summary,
          by: auth.user.id,
        });
        if (!stored) {
          const { code, text } = dischargedSessionRefusal;
          throw ruleRefusal('blocked', code, text);
        }
        const { timeZone } = await serviceForDocuments(tx, session.service_id);
        await recordChange(req, tx, {
          action: 'treatment-session.discharge',
          resource: { type: 'TreatmentSession', id: session.id },
          patientId: session.patient_id,
          timeline: {
            kind: 'treatment-session',
            summary: `Discharged; ${fmt(result.noDrivingUntil, protocol.discharge.noDriving.kind, timeZone)}`,
          },
          flagged: access.breakGlass,
          now,
        });
      });
      return reply.status(201).send({
        dischargedAt: now.toISOString(),
        ...summary,
        pdfPath: `/api/v1/treatment-sessions/${session.id}/discharge-summary.pdf`,
      });
    },
  );

  api.get(
    '/treatment-sessions/:id/discharge-summary.pdf',
    { config: { access: 'patient:read' }, schema: { tags: ['treatment'], params: idParams } },
    async (req, reply) => {
      const { session, access } = await visibleSession(
        ctx,
        req,
        req.params.id,
        'treatment-session.discharge-pdf',
        false,
      );
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

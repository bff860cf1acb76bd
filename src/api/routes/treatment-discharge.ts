// Safe discharge from a dosing session: refused until every rule is met; a summary on screen and as PDF.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { dischargeCheck, type SessionSetting } from '../../domain/treatment/index.ts';
import { dischargeAdvice } from '../../domain/consent/documents.ts';
import { noDrivingShort } from '../../domain/treatment/no-driving-text.ts';
import { uuid } from '../../schemas/common.ts';
import { dischargeSchema } from '../../schemas/treatment.ts';
import { findPatient } from '../../store/patients.ts';
import { serviceForDocuments } from '../../store/services.ts';
import { addTimelineEvent } from '../../store/timeline.ts';
import { sessionEvents } from '../../store/treatment.ts';
import { authOf, auditFrom, zodApp, type AppContext } from '../context.ts';
import { auditRead } from '../patient-access.ts';
import { problem, ruleRefusal } from '../problem.ts';
import { sessionProtocol, toVitalSigns, type StoredVitals } from '../session-vitals.ts';
import { dischargeSummaryPdf } from '../discharge-summary-pdf.ts';
import { visibleSession } from '../session-access.ts';

const idParams = z.object({ id: uuid }).strict();
/** The no-driving line for the timeline, on the service's clock with its zone (Spravato: after a night's sleep). */
const fmt = (until: Date, rule: 'hours-after-end' | 'next-day-after-sleep', timeZone: string) =>
  noDrivingShort(rule, until, timeZone);

export function dischargeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

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
      const events = await sessionEvents(ctx.db, session.id);
      const start = events.find((e) => e.kind === 'administration-start');
      if (!start)
        throw ruleRefusal(
          'blocked',
          'administration-not-recorded',
          'No administration is recorded for this session.',
        );
      const stop = events.find((e) => e.kind === 'administration-stop');
      const vitals = events.filter((e) => e.kind === 'vitals' && e.data.baseline !== true);
      const latest = vitals.at(-1);
      const now = ctx.now();
      const result = dischargeCheck({
        protocol,
        baseline: toVitalSigns(session.baseline),
        latestVitals: latest ? toVitalSigns(latest.data as unknown as StoredVitals) : null,
        administrationEndedAt: stop?.at ?? null,
        dosedAt: start.at,
        now,
        alertAndOriented: req.body.alertAndOriented,
        escortPresent: req.body.escortPresent,
        setting: session.setting as SessionSetting,
        ...(req.body.effectsResolved !== undefined ? { effectsResolved: req.body.effectsResolved } : {}),
        ...(req.body.utcOffsetMinutes !== undefined ? { utcOffsetMinutes: req.body.utcOffsetMinutes } : {}),
      });
      const first = result.unmet[0];
      if (!result.ok && first) {
        throw ruleRefusal('blocked', first.code, result.unmet.map((u) => u.text).join(' '), {
          unmet: result.unmet,
          earliestDischargeAt: result.earliestDischargeAt.toISOString(),
        });
      }
      const summary = {
        protocol: session.protocol_ref,
        dose: session.dose,
        administrationStartedAt: start.at.toISOString(),
        administrationEndedAt: (stop?.at ?? start.at).toISOString(),
        noDrivingUntil: result.noDrivingUntil.toISOString(),
        noDrivingRule: result.noDrivingRule,
        ifUnwell: dischargeAdvice.text,
      };
      await ctx.db.transaction(async (tx) => {
        await tx.query(
          'INSERT INTO session_discharges (session_id, discharged_at, no_driving_until, summary, discharged_by) VALUES ($1,$2,$3,$4,$5)',
          [session.id, now, result.noDrivingUntil, JSON.stringify(summary), auth.user.id],
        );
        const { timeZone } = await serviceForDocuments(tx, session.service_id);
        await addTimelineEvent(tx, {
          patientId: session.patient_id,
          occurredAt: now,
          kind: 'treatment-session',
          summary: `Discharged; ${fmt(result.noDrivingUntil, protocol.discharge.noDriving.kind, timeZone)}`,
          refType: 'TreatmentSession',
          refId: session.id,
          actorId: auth.user.id,
        });
        await auditFrom(
          req,
          tx,
          {
            action: 'treatment-session.discharge',
            resourceType: 'TreatmentSession',
            resourceId: session.id,
            patientId: session.patient_id,
            outcome: 'success',
            flagged: access.breakGlass,
          },
          now,
        );
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

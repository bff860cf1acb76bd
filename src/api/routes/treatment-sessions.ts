// Dosing sessions: pre-checks and dose at start, administration record, vitals flowsheet with alerts, discharge.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { vitalAlerts } from '../../domain/treatment/index.ts';
import { uuid } from '../../schemas/common.ts';
import { patientIdParams } from '../../schemas/patient.ts';
import {
  administrationSchema,
  observationSchema,
  startSessionSchema,
  vitalsSchema,
} from '../../schemas/treatment.ts';
import { addSessionEvent, listSessions, sessionEvents } from '../../store/treatment.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { recordChange } from '../record-change.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { sessionProtocol, toVitalSigns } from '../session-vitals.ts';
import { recordAdministration } from '../session-administration.ts';
import { administrationStatus, plannedDoseOf } from '../../domain/treatment/administration.ts';
import { startSession } from '../session-start.ts';
import { raiseSessionAlerts } from '../session-alerts.ts';
import { visibleSession } from '../session-access.ts';
import { dischargeRoutes } from './treatment-discharge.ts';

const idParams = z.object({ id: uuid }).strict();

export function treatmentSessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.post(
    '/patients/:id/treatment-sessions',
    {
      config: { access: 'patient:write', patientScoped: true },
      schema: { tags: ['treatment'], params: patientIdParams, body: startSessionSchema },
    },
    async (req, reply) => {
      const access = await patientAccess(ctx, req, req.params.id, 'treatment-session.create');
      return reply.status(201).send(await startSession(ctx, req, access, req.body));
    },
  );

  api.get(
    '/treatment-sessions/:id',
    { config: { access: 'patient:read' }, schema: { tags: ['treatment'], params: idParams } },
    async (req) => {
      const { session, access } = await visibleSession(
        ctx,
        req,
        req.params.id,
        'treatment-session.read',
        false,
      );
      const events = await sessionEvents(ctx.db, session.id);
      await auditRead(ctx, req, access, 'treatment-session.read', 'TreatmentSession', session.id);
      return {
        id: session.id,
        patientId: session.patient_id,
        protocol: session.protocol_ref,
        setting: session.setting,
        startedAt: session.started_at.toISOString(),
        baseline: session.baseline,
        dose: session.dose,
        prechecks: session.prechecks,
        administration: administrationStatus(plannedDoseOf(session.dose), events),
        events: events.map((e) => ({
          id: e.id,
          kind: e.kind,
          at: e.at.toISOString(),
          data: e.data,
          recordedBy: e.recorded_by_name,
        })),
        discharge: session.discharged_at
          ? {
              dischargedAt: session.discharged_at.toISOString(),
              noDrivingUntil: session.no_driving_until?.toISOString() ?? null,
              summary: session.discharge_summary,
              pdfPath: `/api/v1/treatment-sessions/${session.id}/discharge-summary.pdf`,
            }
          : null,
      };
    },
  );

  api.get(
    '/patients/:id/treatment-sessions',
    {
      config: { access: 'patient:read', patientScoped: true },
      schema: { tags: ['treatment'], params: patientIdParams },
    },
    async (req) => {
      const access = await patientAccess(ctx, req, req.params.id, 'treatment-session.list');
      const rows = await listSessions(ctx.db, access.patientId);
      await auditRead(ctx, req, access, 'treatment-session.list', 'TreatmentSession');
      return {
        sessions: rows.map((s) => ({
          id: s.id,
          protocol: s.protocol_ref,
          setting: s.setting,
          startedAt: s.started_at.toISOString(),
          dose: s.dose,
          dischargedAt: s.discharged_at?.toISOString() ?? null,
        })),
      };
    },
  );

  api.post(
    '/treatment-sessions/:id/vitals',
    {
      config: { access: 'patient:write' },
      schema: { tags: ['treatment'], params: idParams, body: vitalsSchema },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const { session, access } = await visibleSession(
        ctx,
        req,
        req.params.id,
        'treatment-session.vitals',
        true,
      );
      const protocol = sessionProtocol(session.protocol);
      const alerts = vitalAlerts(toVitalSigns(req.body), toVitalSigns(session.baseline), protocol);
      const now = ctx.now();
      const { eventId, escalation } = await ctx.db.transaction(async (tx) => {
        const id = await addSessionEvent(tx, {
          sessionId: session.id,
          kind: 'vitals',
          data: { ...req.body, alerts },
          at: new Date(req.body.takenAt),
          recordedAt: now,
          by: auth.user.id,
        });
        await recordChange(req, tx, {
          action: 'treatment-session.vitals',
          resource: { type: 'TreatmentSession', id: session.id },
          patientId: session.patient_id,
          flagged: access.breakGlass,
          details: { alerts: alerts.map((a) => a.code) },
          now,
        });
        const takenAt = new Date(req.body.takenAt);
        const raised = await raiseSessionAlerts(tx, req, { session, protocol, alerts, takenAt, now });
        return { eventId: id, escalation: raised };
      });
      return reply.status(201).send({ id: eventId, alerts, ...escalation });
    },
  );

  api.post(
    '/treatment-sessions/:id/administration',
    {
      config: { access: 'patient:write' },
      schema: { tags: ['treatment'], params: idParams, body: administrationSchema },
    },
    async (req, reply) => {
      const { session, access } = await visibleSession(
        ctx,
        req,
        req.params.id,
        'treatment-session.administration',
        true,
      );
      return reply.status(201).send(await recordAdministration(ctx, req, session, access, req.body));
    },
  );

  api.post(
    '/treatment-sessions/:id/observations',
    {
      config: { access: 'patient:write' },
      schema: { tags: ['treatment'], params: idParams, body: observationSchema },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const { session, access } = await visibleSession(
        ctx,
        req,
        req.params.id,
        'treatment-session.observation',
        true,
      );
      const now = ctx.now();
      const id = await ctx.db.transaction(async (tx) => {
        const eventId = await addSessionEvent(tx, {
          sessionId: session.id,
          kind: req.body.kind,
          data: { score: req.body.score ?? null, text: req.body.text ?? null },
          at: req.body.at ? new Date(req.body.at) : now,
          recordedAt: now,
          by: auth.user.id,
        });
        await recordChange(req, tx, {
          action: 'treatment-session.observation',
          resource: { type: 'TreatmentSession', id: session.id },
          patientId: session.patient_id,
          flagged: access.breakGlass,
          details: { kind: req.body.kind },
          now,
        });
        return eventId;
      });
      return reply.status(201).send({ id });
    },
  );

  dischargeRoutes(app, ctx);
}

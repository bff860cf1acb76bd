// /patients/:id/treatment-sessions: start a dosing session (pre-checks and dose), and the patient's sessions.
import type { FastifyInstance } from 'fastify';
import { sessionListReply, startedSessionReply } from '../../schemas/replies/treatment.ts';
import { patientIdParams } from '../../schemas/patient.ts';
import { startSessionSchema } from '../../schemas/treatment.ts';
import { listSessions } from '../../store/treatment.ts';
import { zodApp, type AppContext } from '../context.ts';
import { patientRoute } from '../route.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { startSession } from '../treatment/session-start.ts';

export function patientTreatmentSessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.post(
    '/patients/:id/treatment-sessions',
    patientRoute('patient:write', {
      response: { 201: startedSessionReply },
      tags: ['treatment'],
      params: patientIdParams,
      body: startSessionSchema,
    }),
    async (req, reply) => {
      const access = await patientAccess(ctx, req, req.params.id, 'treatment-session.create');
      return reply.status(201).send(await startSession(ctx, req, access, req.body));
    },
  );

  api.get(
    '/patients/:id/treatment-sessions',
    patientRoute('patient:read', {
      response: { 200: sessionListReply },
      tags: ['treatment'],
      params: patientIdParams,
    }),
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
}

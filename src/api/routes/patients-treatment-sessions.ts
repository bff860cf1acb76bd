// /patients/:id/treatment-sessions: start a dosing session (pre-checks and dose), and the patient's sessions.
import { sessionListReply, startedSessionReply } from '../../schemas/replies/treatment.ts';
import { startSessionSchema } from '../../schemas/treatment.ts';
import { listSessions } from '../../store/treatment.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { chartRead, chartWrite } from '../route.ts';
import { patientAccess, patientRead } from '../patient-access.ts';
import { startSession } from '../treatment/session-start.ts';

export function patientTreatmentSessionRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/patients/:id/treatment-sessions',
    chartWrite({ body: startSessionSchema, 201: startedSessionReply }),
    async (req, reply) => {
      const access = await patientAccess(ctx, req, req.params.id, 'treatment-session.create');
      return reply.status(201).send(await startSession(ctx, req, access, req.body));
    },
  );

  api.get('/patients/:id/treatment-sessions', chartRead({ 200: sessionListReply }), async (req) => {
    const access = await patientRead(ctx, req, req.params.id, 'treatment-session.list', 'TreatmentSession');
    const rows = await listSessions(ctx.db, access.patientId);
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
  });
}

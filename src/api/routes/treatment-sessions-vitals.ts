// /treatment-sessions/:id/vitals: a reading on the flowsheet, its alerts, and the escalation of urgent ones.
import { vitalsReply } from '../../schemas/replies/treatment.ts';
import { vitalAlerts } from '../../domain/treatment/index.ts';
import { idParams } from '../../schemas/common.ts';
import { vitalsSchema } from '../../schemas/treatment.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { writableSession } from '../session-access.ts';
import { raiseSessionAlerts } from '../treatment/session-alerts.ts';
import { recordSessionEvent } from '../treatment/session-event.ts';
import { sessionProtocol, toVitalSigns } from '../treatment/session-vitals.ts';

export function treatmentSessionVitalsRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/treatment-sessions/:id/vitals',
    route('patient:write', { params: idParams, body: vitalsSchema, 201: vitalsReply }),
    async (req, reply) => {
      const { session, access } = await writableSession(ctx, req, 'treatment-session.vitals');
      const protocol = sessionProtocol(session.protocol);
      const alerts = vitalAlerts(toVitalSigns(req.body), toVitalSigns(session.baseline), protocol);
      const now = ctx.now();
      const takenAt = new Date(req.body.takenAt);
      const { eventId, escalation } = await ctx.db.transaction(async (tx) => {
        const id = await recordSessionEvent(tx, req, {
          session,
          kind: 'vitals',
          data: { ...req.body, alerts },
          at: takenAt,
          now,
          action: 'treatment-session.vitals',
          flagged: access.breakGlass,
          details: { alerts: alerts.map((a) => a.code) },
        });
        const raised = await raiseSessionAlerts(tx, req, { session, protocol, alerts, takenAt, now });
        return { eventId: id, escalation: raised };
      });
      return reply.status(201).send({ id: eventId, alerts, ...escalation });
    },
  );
}

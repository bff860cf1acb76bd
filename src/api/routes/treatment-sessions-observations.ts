// /treatment-sessions/:id/observations: a scored or free-text observation on the session's flowsheet.
import type { FastifyInstance } from 'fastify';
import { observationReply } from '../../schemas/replies/treatment.ts';
import { idParams } from '../../schemas/common.ts';
import { observationSchema } from '../../schemas/treatment.ts';
import { addSessionEvent } from '../../store/treatment.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { recordChange } from '../record-change.ts';
import { visibleSession } from '../session-access.ts';

export function treatmentSessionObservationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.post(
    '/treatment-sessions/:id/observations',
    {
      config: { access: 'patient:write' },
      schema: {
        response: { 201: observationReply },
        tags: ['treatment'],
        params: idParams,
        body: observationSchema,
      },
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
}

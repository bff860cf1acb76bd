// /treatment-sessions/:id/observations: a scored or free-text observation on the session's flowsheet.
import { observationReply } from '../../schemas/replies/treatment.ts';
import { idParams } from '../../schemas/common.ts';
import { observationSchema } from '../../schemas/treatment.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { recordSessionEvent } from '../treatment/session-event.ts';
import { writableSession } from '../session-access.ts';

export function treatmentSessionObservationRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/treatment-sessions/:id/observations',
    route('patient:write', { params: idParams, body: observationSchema, 201: observationReply }),
    async (req, reply) => {
      const { session, access } = await writableSession(ctx, req, 'treatment-session.observation');
      const now = ctx.now();
      const id = await ctx.db.transaction(async (tx) => {
        return recordSessionEvent(tx, req, {
          session,
          kind: req.body.kind,
          data: { score: req.body.score ?? null, text: req.body.text ?? null },
          at: req.body.at ? new Date(req.body.at) : now,
          now,
          action: 'treatment-session.observation',
          flagged: access.breakGlass,
          details: { kind: req.body.kind },
        });
      });
      return reply.status(201).send({ id });
    },
  );
}

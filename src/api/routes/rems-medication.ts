// The REMS form's concomitant-medication answers, confirmed by a person: the matcher only suggests them.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { uuid } from '../../schemas/common.ts';
import { remsMedicationSchema } from '../../schemas/rems.ts';
import { addSessionEvent } from '../../store/treatment.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { recordChange } from '../record-change.ts';
import { problem } from '../problem.ts';
import { REMS_MEDICATION_EVENT } from '../rems-record.ts';
import { visibleSession } from '../session-access.ts';

export function remsMedicationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  // Allowed after discharge: the form is completed after the session and submitted within 7 days (clinic.md §2).
  api.post(
    '/treatment-sessions/:id/rems-medication',
    {
      config: { access: 'patient:write' },
      schema: { tags: ['treatment'], params: z.object({ id: uuid }).strict(), body: remsMedicationSchema },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const { session, access } = await visibleSession(ctx, req, req.params.id, 'rems.medication', false);
      if ((session.protocol as { route?: string }).route !== 'intranasal-esketamine')
        throw problem('validation-failed', 'Only esketamine sessions have a REMS monitoring form.');
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await addSessionEvent(tx, {
          sessionId: session.id,
          kind: REMS_MEDICATION_EVENT,
          data: { answers: req.body, confirmedByName: auth.user.display_name },
          at: now,
          recordedAt: now,
          by: auth.user.id,
        });
        await recordChange(req, tx, {
          action: 'rems.medication',
          resource: { type: 'TreatmentSession', id: session.id },
          patientId: session.patient_id,
          flagged: access.breakGlass,
          now,
        });
      });
      return reply.status(201).send({ confirmed: true, at: now.toISOString(), answers: req.body });
    },
  );
}

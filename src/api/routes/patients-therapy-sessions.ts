// /patients/:id/therapy-sessions: a preparation or integration session around dosing.
import { createdReply } from '../../schemas/replies/common.ts';
import { therapySessionSchema } from '../../schemas/treatment.ts';
import { insertTherapySession, isPatientDosingSession } from '../../store/shared-care.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartWrite } from '../route.ts';
import { patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { added, recordChange } from '../record-change.ts';

export function patientTherapySessionRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/patients/:id/therapy-sessions',
    chartWrite({ body: therapySessionSchema, 201: createdReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'therapy-session.create');
      const b = req.body;
      const now = ctx.now();
      const id = await ctx.db.transaction(async (tx) => {
        if (b.dosingSessionId && !(await isPatientDosingSession(tx, access.patientId, b.dosingSessionId))) {
          throw problem('validation-failed', undefined, [
            { path: 'body.dosingSessionId', message: 'Not a dosing session of this patient' },
          ]);
        }
        const therapyId = await insertTherapySession(tx, {
          patientId: access.patientId,
          kind: b.kind,
          dosingSessionId: b.dosingSessionId ?? null,
          heldAt: new Date(b.heldAt),
          durationMinutes: b.durationMinutes,
          notes: b.notes,
          recordedAt: now,
          recordedBy: auth.user.id,
        });
        const line = `${b.kind === 'preparation' ? 'Preparation' : 'Integration'} session (${b.durationMinutes} min)`;
        const change = added('therapy-session', therapyId, line, new Date(b.heldAt));
        await recordChange(req, tx, { ...change, access, now });
        return therapyId;
      });
      return reply.status(201).send({ id });
    },
  );
}

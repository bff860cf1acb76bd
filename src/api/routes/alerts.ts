// Acknowledging an alert: once, by a clinician who may see the patient, with an optional note; audited.
import { idParams } from '../../schemas/common.ts';
import { noteSchema } from '../../schemas/instruments.ts';
import { acknowledgedReply } from '../../schemas/replies/tasks.ts';
import { acknowledgeAlert, findAlertPatient } from '../../store/alerts.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';

export function alertRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/alerts/:id/acknowledge',
    route('patient:write', { params: idParams, body: noteSchema, 201: acknowledgedReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const patientId = await findAlertPatient(ctx.db, req.params.id);
      if (!patientId) throw problem('not-found');
      const access = await patientAccess(ctx, req, patientId, 'alert.acknowledge');
      const now = ctx.now();
      const closing = { by: auth.user.id, at: now, note: req.body.note ?? null };
      await ctx.db.transaction(async (tx) => {
        if (!(await acknowledgeAlert(tx, req.params.id, closing)))
          throw problem('conflict', 'This alert was already acknowledged.');
        const resource = { type: 'Alert', id: req.params.id };
        await recordChange(req, tx, {
          action: 'alert.acknowledge',
          resource,
          patientId,
          flagged: access.breakGlass,
          now,
        });
      });
      return reply.status(201).send({ acknowledged: true as const });
    },
  );
}

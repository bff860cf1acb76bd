// /patients/:id/care-messages: a message to the patient's care team (or one member of its staff).
import { createdReply } from '../../schemas/replies/common.ts';
import { careMessageSchema } from '../../schemas/treatment.ts';
import { insertCareMessage } from '../../store/shared-care.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartWrite } from '../route.ts';
import { patientAccess } from '../patient-access.ts';
import { added, recordChange } from '../record-change.ts';
import { requireStaffOfService } from '../references.ts';

export function patientCareMessageRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/patients/:id/care-messages',
    chartWrite({ body: careMessageSchema, 201: createdReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'care-message.create');
      await requireStaffOfService(ctx.db, access.serviceId, { 'body.toUserId': req.body.toUserId });
      const now = ctx.now();
      const id = await ctx.db.transaction(async (tx) => {
        const messageId = await insertCareMessage(tx, {
          patientId: access.patientId,
          toUserId: req.body.toUserId ?? null,
          text: req.body.text,
          sentAt: now,
          sentBy: auth.user.id,
        });
        await recordChange(req, tx, { ...added('care-message', messageId), access, now });
        return messageId;
      });
      return reply.status(201).send({ id });
    },
  );
}

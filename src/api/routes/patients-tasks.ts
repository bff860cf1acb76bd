// /patients/:id/tasks: a shared-care task for a member of the patient's service (default: oneself).
import { createdReply } from '../../schemas/replies/common.ts';
import { careTaskSchema } from '../../schemas/treatment.ts';
import { insertTask } from '../../store/alerts.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartWrite } from '../route.ts';
import { patientAccess } from '../patient-access.ts';
import { added, recordChange } from '../record-change.ts';
import { requireStaffOfService } from '../references.ts';

export function patientTaskRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/patients/:id/tasks',
    chartWrite({ body: careTaskSchema, 201: createdReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'task.create');
      await requireStaffOfService(ctx.db, access.serviceId, { 'body.assignedTo': req.body.assignedTo });
      const now = ctx.now();
      const id = await ctx.db.transaction(async (tx) => {
        const taskId = await insertTask(tx, {
          patientId: access.patientId,
          serviceId: access.serviceId,
          assignedTo: req.body.assignedTo ?? auth.user.id,
          title: req.body.title,
          detail: req.body.detail ?? '',
          priority: req.body.priority,
          sourceType: 'SharedCare',
          sourceId: access.patientId,
          at: now,
        });
        await recordChange(req, tx, { ...added('task', taskId), access, now });
        return taskId;
      });
      return reply.status(201).send({ id });
    },
  );
}

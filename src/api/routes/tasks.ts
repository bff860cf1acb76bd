// The clinicians' task list (their own, the services' shared queue, or one patient's) and completing a task.
import { z } from 'zod';
import { idParams, uuid } from '../../schemas/common.ts';
import { noteSchema } from '../../schemas/instruments.ts';
import { completedReply, tasksReply } from '../../schemas/replies/tasks.ts';
import { completeTask, findTask, listTasks } from '../../store/alerts.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { auditAccess, recordChange } from '../record-change.ts';

const taskListQuery = z
  .object({ scope: z.enum(['mine', 'service']).default('mine'), patientId: uuid.optional() })
  .strict();

export function taskRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/tasks', route('patient:read', { querystring: taskListQuery, 200: tasksReply }), async (req) => {
    const auth = authOf(req);
    if (req.query.patientId) {
      const access = await patientAccess(ctx, req, req.query.patientId, 'task.list');
      const tasks = await listTasks(ctx.db, { patientId: access.patientId });
      await auditRead(ctx, req, access, 'task.list', 'Task');
      return { tasks };
    }
    const tasks =
      req.query.scope === 'mine'
        ? await listTasks(ctx.db, { assignedTo: auth.user.id, serviceIds: auth.user.service_ids })
        : await listTasks(ctx.db, { serviceIds: auth.user.service_ids });
    await auditAccess(ctx, req, 'task.list', 'Task', { count: tasks.length });
    return { tasks };
  });

  api.post(
    '/tasks/:id/complete',
    route('patient:write', { params: idParams, body: noteSchema, 201: completedReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const task = await findTask(ctx.db, req.params.id);
      if (!task) throw problem('not-found');
      const access = await patientAccess(ctx, req, task.patient_id, 'task.complete');
      const now = ctx.now();
      const closing = { by: auth.user.id, at: now, note: req.body.note ?? null };
      await ctx.db.transaction(async (tx) => {
        if (!(await completeTask(tx, req.params.id, closing)))
          throw problem('conflict', 'This task was already completed.');
        const resource = { type: 'Task', id: req.params.id };
        await recordChange(req, tx, {
          action: 'task.complete',
          resource,
          patientId: task.patient_id,
          flagged: access.breakGlass,
          now,
        });
      });
      return reply.status(201).send({ completed: true as const });
    },
  );
}

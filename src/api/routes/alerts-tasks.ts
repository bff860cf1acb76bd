// Alerts on a patient's chart and the clinicians' task list: read, acknowledge, complete — all audited.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, uuid } from '../../schemas/common.ts';
import { noteSchema } from '../../schemas/instruments.ts';
import { patientIdParams } from '../../schemas/patient.ts';
import {
  acknowledgeAlert,
  completeTask,
  findAlertPatient,
  findTask,
  listAlerts,
  listTasks,
} from '../../store/alerts.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';

export function alertTaskRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.get(
    '/patients/:id/alerts',
    {
      config: { access: 'patient:read', patientScoped: true },
      schema: { tags: ['alerts'], params: patientIdParams },
    },
    async (req) => {
      const access = await patientAccess(ctx, req, req.params.id, 'alert.list');
      const alerts = await listAlerts(ctx.db, access.patientId);
      await auditRead(ctx, req, access, 'alert.list', 'Alert');
      return { alerts };
    },
  );

  api.post(
    '/alerts/:id/acknowledge',
    { config: { access: 'patient:write' }, schema: { tags: ['alerts'], params: idParams, body: noteSchema } },
    async (req, reply) => {
      const auth = authOf(req);
      const patientId = await findAlertPatient(ctx.db, req.params.id);
      if (!patientId) throw problem('not-found');
      const access = await patientAccess(ctx, req, patientId, 'alert.acknowledge');
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        const note = req.body.note ?? null;
        if (!(await acknowledgeAlert(tx, req.params.id, { by: auth.user.id, at: now, note })))
          throw problem('conflict', 'This alert was already acknowledged.');
        await recordChange(req, tx, {
          action: 'alert.acknowledge',
          resource: { type: 'Alert', id: req.params.id },
          patientId,
          flagged: access.breakGlass,
          now,
        });
      });
      return reply.status(201).send({ acknowledged: true });
    },
  );

  api.get(
    '/tasks',
    {
      config: { access: 'patient:read' },
      schema: {
        tags: ['tasks'],
        querystring: z
          .object({ scope: z.enum(['mine', 'service']).default('mine'), patientId: uuid.optional() })
          .strict(),
      },
    },
    async (req) => {
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
      await ctx.db.transaction((tx) =>
        recordChange(req, tx, {
          action: 'task.list',
          resource: { type: 'Task' },
          details: { count: tasks.length },
          now: ctx.now(),
        }),
      );
      return { tasks };
    },
  );

  api.post(
    '/tasks/:id/complete',
    { config: { access: 'patient:write' }, schema: { tags: ['tasks'], params: idParams, body: noteSchema } },
    async (req, reply) => {
      const auth = authOf(req);
      const task = await findTask(ctx.db, req.params.id);
      if (!task) throw problem('not-found');
      const access = await patientAccess(ctx, req, task.patient_id, 'task.complete');
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        const note = req.body.note ?? null;
        if (!(await completeTask(tx, req.params.id, { by: auth.user.id, at: now, note })))
          throw problem('conflict', 'This task was already completed.');
        await recordChange(req, tx, {
          action: 'task.complete',
          resource: { type: 'Task', id: req.params.id },
          patientId: task.patient_id,
          flagged: access.breakGlass,
          now,
        });
      });
      return reply.status(201).send({ completed: true });
    },
  );
}

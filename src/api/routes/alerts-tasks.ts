// Alerts on a patient's chart and the clinicians' task list: read, acknowledge, complete — all audited.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { uuid } from '../../schemas/common.ts';
import { noteSchema } from '../../schemas/instruments.ts';
import { patientIdParams } from '../../schemas/patient.ts';
import { findAlertPatient, findTask, listAlerts, listTasks } from '../../store/alerts.ts';
import { authOf, auditFrom, zodApp, type AppContext } from '../context.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';

const idParams = z.object({ id: uuid }).strict();

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
        if (
          (await tx.query('SELECT 1 FROM alert_acknowledgements WHERE alert_id = $1', [req.params.id]))
            .length > 0
        ) {
          throw problem('conflict', 'This alert was already acknowledged.');
        }
        await tx.query(
          'INSERT INTO alert_acknowledgements (alert_id, acknowledged_by, acknowledged_at, note) VALUES ($1,$2,$3,$4)',
          [req.params.id, auth.user.id, now, req.body.note ?? null],
        );
        await auditFrom(
          req,
          tx,
          {
            action: 'alert.acknowledge',
            resourceType: 'Alert',
            resourceId: req.params.id,
            patientId,
            outcome: 'success',
            flagged: access.breakGlass,
          },
          now,
        );
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
        auditFrom(
          req,
          tx,
          { action: 'task.list', resourceType: 'Task', outcome: 'success', details: { count: tasks.length } },
          ctx.now(),
        ),
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
        if (
          (await tx.query('SELECT 1 FROM task_completions WHERE task_id = $1', [req.params.id])).length > 0
        ) {
          throw problem('conflict', 'This task was already completed.');
        }
        await tx.query(
          'INSERT INTO task_completions (task_id, completed_by, completed_at, note) VALUES ($1,$2,$3,$4)',
          [req.params.id, auth.user.id, now, req.body.note ?? null],
        );
        await auditFrom(
          req,
          tx,
          {
            action: 'task.complete',
            resourceType: 'Task',
            resourceId: req.params.id,
            patientId: task.patient_id,
            outcome: 'success',
            flagged: access.breakGlass,
          },
          now,
        );
      });
      return reply.status(201).send({ completed: true });
    },
  );
}

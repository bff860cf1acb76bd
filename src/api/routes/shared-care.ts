// Shared care in the treatment pathway: preparation and integration sessions, care-team messages and tasks,
// questionnaires due before a session, and the esketamine REMS 7-day submission tracker.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { outcomeInstrumentsFor, questionnairesDue } from '../../domain/treatment/outcome-schedule.ts';
import { remsSubmissionStatus } from '../../domain/treatment/index.ts';
import { uuid } from '../../schemas/common.ts';
import { patientIdParams } from '../../schemas/patient.ts';
import {
  careMessageSchema,
  careTaskSchema,
  remsSubmissionSchema,
  therapySessionSchema,
} from '../../schemas/treatment.ts';
import { insertTask } from '../../store/alerts.ts';
import {
  earlierEsketamineSessions,
  hasRemsSubmission,
  insertRemsSubmission,
  remsTrackerRows,
} from '../../store/rems.ts';
import { findService } from '../../store/services.ts';
import {
  insertCareMessage,
  insertTherapySession,
  isPatientDosingSession,
  lastCompletedQuestionnaires,
  listCareMessages,
  listTherapySessions,
} from '../../store/shared-care.ts';
import { latestReferralIndication } from '../../store/treatment-screening.ts';
import { sessionEvents } from '../../store/treatment.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { recordChange } from '../record-change.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { visibleSession } from '../session-access.ts';
import { remsDraft, remsStaffNames } from '../rems-record.ts';
import { findPatient } from '../../store/patients.ts';
import { findUserById } from '../../store/users.ts';
import { requireStaffOfService } from '../references.ts';

export function sharedCareRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.post(
    '/patients/:id/therapy-sessions',
    {
      config: { access: 'patient:write', patientScoped: true },
      schema: { tags: ['shared-care'], params: patientIdParams, body: therapySessionSchema },
    },
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
        await recordChange(req, tx, {
          action: 'therapy-session.create',
          resource: { type: 'TherapySession', id: therapyId },
          patientId: access.patientId,
          timeline: {
            kind: 'therapy-session',
            summary: `${b.kind === 'preparation' ? 'Preparation' : 'Integration'} session (${b.durationMinutes} min)`,
            occurredAt: new Date(b.heldAt),
          },
          flagged: access.breakGlass,
          now,
        });
        return therapyId;
      });
      return reply.status(201).send({ id });
    },
  );

  api.get(
    '/patients/:id/shared-care',
    {
      config: { access: 'patient:read', patientScoped: true },
      schema: { tags: ['shared-care'], params: patientIdParams },
    },
    async (req) => {
      const access = await patientAccess(ctx, req, req.params.id, 'shared-care.read');
      const therapy = await listTherapySessions(ctx.db, access.patientId);
      const messages = await listCareMessages(ctx.db, access.patientId);
      const due = questionnairesDue(
        outcomeInstrumentsFor((await latestReferralIndication(ctx.db, access.patientId)) ?? ''),
        await lastCompletedQuestionnaires(ctx.db, access.patientId),
        ctx.now(),
      );
      await auditRead(ctx, req, access, 'shared-care.read', 'SharedCare');
      return {
        therapySessions: therapy.map((t) => ({
          id: t.id,
          kind: t.kind,
          dosingSessionId: t.dosing_session_id,
          heldAt: t.held_at.toISOString(),
          durationMinutes: t.duration_minutes,
          notes: t.notes,
          recordedBy: t.display_name,
        })),
        messages: messages.map((m) => ({
          id: m.id,
          text: m.text,
          sentAt: m.sent_at.toISOString(),
          from: m.sender,
          to: m.recipient,
        })),
        questionnairesDue: due.map((d) => ({
          instrument: d.instrument,
          due: d.due,
          lastCompletedAt: d.lastCompletedAt?.toISOString() ?? null,
        })),
      };
    },
  );

  api.post(
    '/patients/:id/care-messages',
    {
      config: { access: 'patient:write', patientScoped: true },
      schema: { tags: ['shared-care'], params: patientIdParams, body: careMessageSchema },
    },
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
        await recordChange(req, tx, {
          action: 'care-message.create',
          resource: { type: 'CareMessage', id: messageId },
          patientId: access.patientId,
          flagged: access.breakGlass,
          now,
        });
        return messageId;
      });
      return reply.status(201).send({ id });
    },
  );

  api.post(
    '/patients/:id/tasks',
    {
      config: { access: 'patient:write', patientScoped: true },
      schema: { tags: ['shared-care'], params: patientIdParams, body: careTaskSchema },
    },
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
        await recordChange(req, tx, {
          action: 'task.create',
          resource: { type: 'Task', id: taskId },
          patientId: access.patientId,
          flagged: access.breakGlass,
          now,
        });
        return taskId;
      });
      return reply.status(201).send({ id });
    },
  );

  api.get(
    '/rems/tracker',
    { config: { access: 'patient:read' }, schema: { tags: ['treatment'] } },
    async (req) => {
      const auth = authOf(req);
      const rows = await remsTrackerRows(ctx.db, auth.user.service_ids);
      const now = ctx.now();
      const items = rows.map((r) => {
        const dosedAt = r.dosed_at ?? r.started_at;
        const status = remsSubmissionStatus(dosedAt, now, r.submitted_at);
        return {
          sessionId: r.id,
          patientId: r.patient_id,
          patientName: `${r.family_name.toUpperCase()}, ${r.given_name}`,
          dosedAt: dosedAt.toISOString(),
          dueAt: status.dueAt.toISOString(),
          status: status.status,
          submittedAt: r.submitted_at?.toISOString() ?? null,
        };
      });
      await ctx.db.transaction((tx) =>
        recordChange(req, tx, {
          action: 'rems.tracker',
          resource: { type: 'RemsTracker' },
          details: { count: items.length },
          now: ctx.now(),
        }),
      );
      return { items };
    },
  );

  api.get(
    '/treatment-sessions/:id/rems-record',
    {
      config: { access: 'patient:read' },
      schema: { tags: ['treatment'], params: z.object({ id: uuid }).strict() },
    },
    async (req) => {
      const { session, access } = await visibleSession(ctx, req, req.params.id, 'rems.record', false);
      if ((session.protocol as { route?: string }).route !== 'intranasal-esketamine')
        throw problem('not-found', 'Only esketamine sessions have a REMS monitoring form.');
      const patient = await findPatient(ctx.db, session.patient_id);
      const hcp = await findUserById(ctx.db, session.created_by);
      const service = await findService(ctx.db, session.service_id);
      const earlier = await earlierEsketamineSessions(ctx.db, session.patient_id, session.started_at);
      if (!patient || !hcp) throw problem('not-found');
      const draft = remsDraft(
        session,
        await sessionEvents(ctx.db, session.id),
        patient,
        { displayName: hcp.display_name, email: hcp.email },
        service?.name ?? '',
        earlier === 0,
        ctx.now(),
        await remsStaffNames(ctx.db, session),
      );
      await auditRead(ctx, req, access, 'rems.record', 'TreatmentSession', session.id);
      return draft;
    },
  );

  api.post(
    '/treatment-sessions/:id/rems-submission',
    {
      config: { access: 'patient:write' },
      schema: { tags: ['treatment'], params: z.object({ id: uuid }).strict(), body: remsSubmissionSchema },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const { session, access } = await visibleSession(ctx, req, req.params.id, 'rems.submission', false);
      if ((session.protocol as { route?: string }).route !== 'intranasal-esketamine')
        throw problem('validation-failed', 'Only esketamine sessions have a REMS monitoring form.');
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        if (await hasRemsSubmission(tx, session.id))
          throw problem('conflict', 'Already recorded as submitted.');
        await insertRemsSubmission(tx, {
          sessionId: session.id,
          submittedAt: req.body.submittedAt ? new Date(req.body.submittedAt) : now,
          reference: req.body.reference ?? null,
          recordedBy: auth.user.id,
        });
        await recordChange(req, tx, {
          action: 'rems.submission',
          resource: { type: 'TreatmentSession', id: session.id },
          patientId: session.patient_id,
          flagged: access.breakGlass,
          now,
        });
      });
      return reply.status(201).send({ submitted: true });
    },
  );
}

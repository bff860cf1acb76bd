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
import { addTimelineEvent } from '../../store/timeline.ts';
import { sessionEvents } from '../../store/treatment.ts';
import { authOf, auditFrom, zodApp, type AppContext } from '../context.ts';
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
        if (
          b.dosingSessionId &&
          (
            await tx.query('SELECT 1 FROM treatment_sessions WHERE id = $1 AND patient_id = $2', [
              b.dosingSessionId,
              access.patientId,
            ])
          ).length === 0
        ) {
          throw problem('validation-failed', undefined, [
            { path: 'body.dosingSessionId', message: 'Not a dosing session of this patient' },
          ]);
        }
        const [row] = await tx.query<{ id: string }>(
          `INSERT INTO therapy_sessions (patient_id, kind, dosing_session_id, held_at, duration_minutes, notes, recorded_at, recorded_by)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
          [
            access.patientId,
            b.kind,
            b.dosingSessionId ?? null,
            new Date(b.heldAt),
            b.durationMinutes,
            b.notes,
            now,
            auth.user.id,
          ],
        );
        if (!row) throw new Error('insert returned no row');
        await addTimelineEvent(tx, {
          patientId: access.patientId,
          occurredAt: new Date(b.heldAt),
          kind: 'therapy-session',
          summary: `${b.kind === 'preparation' ? 'Preparation' : 'Integration'} session (${b.durationMinutes} min)`,
          refType: 'TherapySession',
          refId: row.id,
          actorId: auth.user.id,
        });
        await auditFrom(
          req,
          tx,
          {
            action: 'therapy-session.create',
            resourceType: 'TherapySession',
            resourceId: row.id,
            patientId: access.patientId,
            outcome: 'success',
            flagged: access.breakGlass,
          },
          now,
        );
        return row.id;
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
      const therapy = await ctx.db.query<{
        id: string;
        kind: string;
        dosing_session_id: string | null;
        held_at: Date;
        duration_minutes: number;
        notes: string;
        display_name: string;
      }>(
        'SELECT t.*, u.display_name FROM therapy_sessions t JOIN users u ON u.id = t.recorded_by WHERE t.patient_id = $1 ORDER BY t.held_at DESC',
        [access.patientId],
      );
      const messages = await ctx.db.query<{
        id: string;
        text: string;
        sent_at: Date;
        sender: string;
        recipient: string | null;
      }>(
        `SELECT m.id, m.text, m.sent_at, s.display_name AS sender, r.display_name AS recipient FROM care_messages m
         JOIN users s ON s.id = m.sent_by LEFT JOIN users r ON r.id = m.to_user_id WHERE m.patient_id = $1 ORDER BY m.sent_at`,
        [access.patientId],
      );
      const referral = await ctx.db.query<{ indication: string }>(
        'SELECT indication FROM treatment_referrals WHERE patient_id = $1 ORDER BY recorded_at DESC LIMIT 1',
        [access.patientId],
      );
      const last = await ctx.db.query<{ instrument_id: string; at: Date }>(
        "SELECT instrument_id, max(completed_at) AS at FROM questionnaire_responses WHERE patient_id = $1 AND completeness = 'complete' GROUP BY instrument_id",
        [access.patientId],
      );
      const due = questionnairesDue(
        outcomeInstrumentsFor(referral[0]?.indication ?? ''),
        new Map(last.map((l) => [l.instrument_id, l.at])),
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
        const [row] = await tx.query<{ id: string }>(
          'INSERT INTO care_messages (patient_id, to_user_id, text, sent_at, sent_by) VALUES ($1,$2,$3,$4,$5) RETURNING id',
          [access.patientId, req.body.toUserId ?? null, req.body.text, now, auth.user.id],
        );
        if (!row) throw new Error('insert returned no row');
        await auditFrom(
          req,
          tx,
          {
            action: 'care-message.create',
            resourceType: 'CareMessage',
            resourceId: row.id,
            patientId: access.patientId,
            outcome: 'success',
            flagged: access.breakGlass,
          },
          now,
        );
        return row.id;
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
        await auditFrom(
          req,
          tx,
          {
            action: 'task.create',
            resourceType: 'Task',
            resourceId: taskId,
            patientId: access.patientId,
            outcome: 'success',
            flagged: access.breakGlass,
          },
          now,
        );
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
      const rows = await ctx.db.query<{
        id: string;
        patient_id: string;
        given_name: string;
        family_name: string;
        started_at: Date;
        submitted_at: Date | null;
        dosed_at: Date | null;
      }>(
        `SELECT s.id, s.patient_id, v.given_name, v.family_name, s.started_at, r.submitted_at, d.at AS dosed_at
       FROM treatment_sessions s
       JOIN patients p ON p.id = s.patient_id JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
       LEFT JOIN rems_submissions r ON r.session_id = s.id
       LEFT JOIN LATERAL (SELECT e.at FROM session_events e WHERE e.session_id = s.id AND e.kind = 'administration-start'
                          ORDER BY e.id LIMIT 1) d ON true
       WHERE s.protocol->>'route' = 'intranasal-esketamine' AND s.service_id = ANY($1::uuid[]) ORDER BY s.started_at DESC LIMIT 500`,
        [auth.user.service_ids],
      );
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
        auditFrom(
          req,
          tx,
          {
            action: 'rems.tracker',
            resourceType: 'RemsTracker',
            outcome: 'success',
            details: { count: items.length },
          },
          ctx.now(),
        ),
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
      const [service] = await ctx.db.query<{ name: string }>('SELECT name FROM services WHERE id = $1', [
        session.service_id,
      ]);
      const [earlier] = await ctx.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM treatment_sessions WHERE patient_id = $1 AND started_at < $2 AND protocol->>'route' = 'intranasal-esketamine'",
        [session.patient_id, session.started_at],
      );
      if (!patient || !hcp) throw problem('not-found');
      const draft = remsDraft(
        session,
        await sessionEvents(ctx.db, session.id),
        patient,
        { displayName: hcp.display_name, email: hcp.email },
        service?.name ?? '',
        (earlier?.n ?? 0) === 0,
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
        if ((await tx.query('SELECT 1 FROM rems_submissions WHERE session_id = $1', [session.id])).length > 0)
          throw problem('conflict', 'Already recorded as submitted.');
        await tx.query(
          'INSERT INTO rems_submissions (session_id, submitted_at, reference, recorded_by) VALUES ($1,$2,$3,$4)',
          [
            session.id,
            req.body.submittedAt ? new Date(req.body.submittedAt) : now,
            req.body.reference ?? null,
            auth.user.id,
          ],
        );
        await auditFrom(
          req,
          tx,
          {
            action: 'rems.submission',
            resourceType: 'TreatmentSession',
            resourceId: session.id,
            patientId: session.patient_id,
            outcome: 'success',
            flagged: access.breakGlass,
          },
          now,
        );
      });
      return reply.status(201).send({ submitted: true });
    },
  );
}

// /treatment-sessions/:id/rems-*: the esketamine REMS monitoring form, its medication answers and its submission.
import { remsMedicationReply, remsRecordReply, remsSubmittedReply } from '../../schemas/replies/treatment.ts';
import { idParams } from '../../schemas/common.ts';
import { remsMedicationSchema } from '../../schemas/rems.ts';
import { remsSubmissionSchema } from '../../schemas/treatment.ts';
import { findPatient } from '../../store/patients.ts';
import { earlierEsketamineSessions, hasRemsSubmission, insertRemsSubmission } from '../../store/rems.ts';
import { serviceForDocuments } from '../../store/services.ts';
import { sessionEvents, type SessionRow } from '../../store/treatment.ts';
import { findUserById } from '../../store/users.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { auditRead } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';
import { remsDraft, remsStaffNames, REMS_MEDICATION_EVENT } from '../treatment/rems-record.ts';
import { visibleSession } from '../session-access.ts';
import { recordSessionEvent } from '../treatment/session-event.ts';

const NOT_ESKETAMINE = 'Only esketamine sessions have a REMS monitoring form.';
const isEsketamine = (session: SessionRow) =>
  (session.protocol as { route?: string }).route === 'intranasal-esketamine';

export function treatmentSessionRemsRoutes(api: ZodApp, ctx: AppContext): void {
  api.get(
    '/treatment-sessions/:id/rems-record',
    route('patient:read', { params: idParams, 200: remsRecordReply }),
    async (req) => {
      const { session, access } = await visibleSession(ctx, req, 'rems.record');
      if (!isEsketamine(session)) throw problem('not-found', NOT_ESKETAMINE);
      const patient = await findPatient(ctx.db, session.patient_id);
      const hcp = await findUserById(ctx.db, session.created_by);
      const service = await serviceForDocuments(ctx.db, session.service_id);
      const earlier = await earlierEsketamineSessions(ctx.db, session.patient_id, session.started_at);
      if (!patient || !hcp) throw problem('not-found');
      const draft = remsDraft(
        session,
        await sessionEvents(ctx.db, session.id),
        patient,
        { displayName: hcp.display_name, email: hcp.email },
        service,
        earlier === 0,
        ctx.now(),
        await remsStaffNames(ctx.db, session),
      );
      await auditRead(ctx, req, access, 'rems.record', 'TreatmentSession', session.id);
      return draft;
    },
  );

  // Allowed after discharge: the form is completed after the session and submitted within 7 days (clinic.md §2).
  api.post(
    '/treatment-sessions/:id/rems-medication',
    route('patient:write', { params: idParams, body: remsMedicationSchema, 201: remsMedicationReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const { session, access } = await visibleSession(ctx, req, 'rems.medication');
      if (!isEsketamine(session)) throw problem('validation-failed', NOT_ESKETAMINE);
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await recordSessionEvent(tx, req, {
          session,
          kind: REMS_MEDICATION_EVENT,
          data: { answers: req.body, confirmedByName: auth.user.display_name },
          at: now,
          now,
          action: 'rems.medication',
          flagged: access.breakGlass,
        });
      });
      return reply.status(201).send({ confirmed: true, at: now.toISOString(), answers: req.body });
    },
  );

  api.post(
    '/treatment-sessions/:id/rems-submission',
    route('patient:write', { params: idParams, body: remsSubmissionSchema, 201: remsSubmittedReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const { session, access } = await visibleSession(ctx, req, 'rems.submission');
      if (!isEsketamine(session)) throw problem('validation-failed', NOT_ESKETAMINE);
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

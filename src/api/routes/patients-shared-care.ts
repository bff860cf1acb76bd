// /patients/:id/shared-care: therapy sessions, care-team messages and the questionnaires due before a session.
import { sharedCareReply } from '../../schemas/replies/treatment.ts';
import { outcomeInstrumentsFor, questionnairesDue } from '../../domain/treatment/outcome-schedule.ts';
import {
  lastCompletedQuestionnaires,
  listCareMessages,
  listTherapySessions,
} from '../../store/shared-care.ts';
import { latestReferralIndication } from '../../store/treatment-screening.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { chartRead } from '../route.ts';
import { patientRead } from '../patient-access.ts';

export function patientSharedCareRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/patients/:id/shared-care', chartRead({ 200: sharedCareReply }), async (req) => {
    const access = await patientRead(ctx, req, req.params.id, 'shared-care.read', 'SharedCare');
    const therapy = await listTherapySessions(ctx.db, access.patientId);
    const messages = await listCareMessages(ctx.db, access.patientId);
    const due = questionnairesDue(
      outcomeInstrumentsFor((await latestReferralIndication(ctx.db, access.patientId)) ?? ''),
      await lastCompletedQuestionnaires(ctx.db, access.patientId),
      ctx.now(),
    );
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
  });
}

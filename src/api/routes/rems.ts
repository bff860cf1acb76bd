// /rems/tracker: the esketamine REMS 7-day submission tracker across the user's services.
import { remsTrackerReply } from '../../schemas/replies/treatment.ts';
import { remsSubmissionStatus } from '../../domain/treatment/index.ts';
import { remsTrackerRows } from '../../store/rems.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { auditAccess } from '../record-change.ts';

export function remsRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/rems/tracker', route('patient:read', { 200: remsTrackerReply }), async (req) => {
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
    await auditAccess(ctx, req, 'rems.tracker', 'RemsTracker', { count: items.length });
    return { items };
  });
}

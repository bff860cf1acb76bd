// A patient's timeline: every event about the patient, appended by each capability, in time order (either way),
// optionally only some kinds.
import { timelineQuery } from '../../schemas/patient.ts';
import { timelineReply } from '../../schemas/replies/patients.ts';
import { listTimeline } from '../../store/timeline.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { chartRead } from '../route.ts';
import { patientRead } from '../patient-access.ts';

export function patientTimelineRoutes(api: ZodApp, ctx: AppContext): void {
  api.get(
    '/patients/:id/timeline',
    chartRead({ querystring: timelineQuery, 200: timelineReply }),
    async (req) => {
      const access = await patientRead(ctx, req, req.params.id, 'patient.timeline', 'Timeline');
      const events = await listTimeline(ctx.db, access.patientId, {
        order: req.query.order,
        kinds: req.query.kind,
      });
      return { events };
    },
  );
}

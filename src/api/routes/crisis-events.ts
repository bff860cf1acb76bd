// Retracting a crisis event recorded in error: once, with the reason; the event is kept, never deleted.
import { idParams } from '../../schemas/common.ts';
import { retractCrisisEventSchema } from '../../schemas/outcomes.ts';
import { crisisEventReply } from '../../schemas/replies/outcomes.ts';
import { findCrisisEvent, readCrisisEvent, retractCrisisEvent } from '../../store/referrals-crisis.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';

export function crisisEventRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/crisis-events/:id/retraction',
    route('patient:write', { params: idParams, body: retractCrisisEventSchema, 200: crisisEventReply }),
    async (req) => {
      const auth = authOf(req);
      const event = await findCrisisEvent(ctx.db, req.params.id);
      if (!event) throw problem('not-found');
      const access = await patientAccess(ctx, req, event.patientId, 'crisis-event.retract');
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        const done = await retractCrisisEvent(tx, {
          eventId: event.id,
          reason: req.body.reason,
          at: now,
          by: auth.user.id,
        });
        if (!done) throw problem('conflict', 'This crisis event was already retracted.');
        await recordChange(req, tx, {
          action: 'crisis-event.retract',
          resource: { type: 'CrisisEvent', id: event.id },
          patientId: event.patientId,
          timeline: {
            kind: 'crisis-event',
            summary: `Crisis event of ${event.occurredOn} retracted as recorded in error`,
          },
          flagged: access.breakGlass,
          now,
        });
      });
      return readCrisisEvent(ctx.db, event.id);
    },
  );
}

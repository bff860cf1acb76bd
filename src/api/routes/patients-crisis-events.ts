// A patient's crisis events: record one (not in the future) and list them (C6: crisis events per month).
import { crisisKinds } from '../../domain/outcomes/index.ts';
import { clinicToday } from '../../domain/treatment/clinic-day.ts';
import { createCrisisEventSchema } from '../../schemas/outcomes.ts';
import { crisisEventReply, crisisEventsReply } from '../../schemas/replies/outcomes.ts';
import { insertCrisisEvent, readCrisisEvent, patientCrisisEvents } from '../../store/referrals-crisis.ts';
import { serviceForDocuments } from '../../store/services.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartRead, chartWrite } from '../route.ts';
import { patientAccess, patientRead } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { added, recordChange } from '../record-change.ts';

/** "Emergency department attendance"; an unknown id as sent. */
const kindLabel = (id: string) => crisisKinds.find((k) => k.id === id)?.label ?? id;

export function patientCrisisEventRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/patients/:id/crisis-events',
    chartWrite({ body: createCrisisEventSchema, 201: crisisEventReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'crisis-event.create');
      const now = ctx.now();
      // "The future" on the service's calendar: today in Auckland is tomorrow in UTC for half the day.
      const { timeZone } = await serviceForDocuments(ctx.db, access.serviceId);
      if (req.body.occurredOn > clinicToday(now, timeZone))
        throw problem('validation-failed', undefined, [
          { path: 'body.occurredOn', message: 'A crisis event cannot be in the future' },
        ]);
      const id = await ctx.db.transaction(async (tx) => {
        const created = await insertCrisisEvent(tx, {
          patientId: access.patientId,
          serviceId: access.serviceId,
          occurredOn: req.body.occurredOn,
          kind: req.body.kind,
          note: req.body.note ?? null,
          at: now,
          by: auth.user.id,
        });
        const line = `Crisis event recorded: ${kindLabel(req.body.kind)} on ${req.body.occurredOn}`;
        await recordChange(req, tx, { ...added('crisis-event', created, line), access, now });
        return created;
      });
      return reply.status(201).send(await readCrisisEvent(ctx.db, id));
    },
  );

  api.get('/patients/:id/crisis-events', chartRead({ 200: crisisEventsReply }), async (req) => {
    const access = await patientRead(ctx, req, req.params.id, 'crisis-event.read', 'CrisisEvent');
    const events = await patientCrisisEvents(ctx.db, access.patientId);
    return { events };
  });
}

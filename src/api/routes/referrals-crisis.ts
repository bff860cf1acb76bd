// Onward referrals with target times (made or cancelled later) and crisis events (retracted if recorded in
// error): the records behind the referral-within-target and crisis-events-per-month measures (C6).
import type { FastifyInstance } from 'fastify';
import { crisisKinds, referralDestinations } from '../../domain/outcomes/index.ts';
import { idParams } from '../../schemas/common.ts';
import {
  closeReferralSchema,
  createCrisisEventSchema,
  createReferralSchema,
  retractCrisisEventSchema,
} from '../../schemas/outcomes.ts';
import { patientIdParams } from '../../schemas/patient.ts';
import {
  closeReferral,
  findCrisisEvent,
  findReferral,
  insertCrisisEvent,
  insertReferral,
  patientCrisisEvents,
  patientReferrals,
  referralDecision,
  retractCrisisEvent,
} from '../../store/referrals-crisis.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';

const label = (list: readonly { id: string; label: string }[], id: string) =>
  list.find((x) => x.id === id)?.label ?? id;

export function referralCrisisRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.get(
    '/outcome-event-kinds',
    { config: { access: 'authenticated' }, schema: { tags: ['outcomes'] } },
    () => ({ referralDestinations, crisisKinds }),
  );

  api.post(
    '/patients/:id/onward-referrals',
    {
      config: { access: 'patient:write', patientScoped: true },
      schema: { tags: ['outcomes'], params: patientIdParams, body: createReferralSchema },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'onward-referral.create');
      const decision = await referralDecision(ctx.db, access.patientId, req.body.decisionId);
      if (!decision) {
        if (req.body.decisionId)
          throw problem('validation-failed', undefined, [
            { path: 'body.decisionId', message: 'Not a decision about this person' },
          ]);
        throw problem(
          'conflict',
          'Confirm a harm assessment first: a referral records the level of need it was decided at.',
        );
      }
      const now = ctx.now();
      const id = await ctx.db.transaction(async (tx) => {
        const created = await insertReferral(tx, {
          patientId: access.patientId,
          serviceId: access.serviceId,
          decisionId: decision.id,
          destination: req.body.destination,
          confirmedLevel: decision.confirmedLevel,
          decidedOn: req.body.decidedOn,
          targetDays: req.body.targetDays,
          reason: req.body.reason ?? null,
          at: now,
          by: auth.user.id,
        });
        await recordChange(req, tx, {
          action: 'onward-referral.create',
          resource: { type: 'OnwardReferral', id: created },
          patientId: access.patientId,
          timeline: {
            kind: 'onward-referral',
            summary: `Referral to ${label(referralDestinations, req.body.destination)} decided (target ${String(req.body.targetDays)} days)`,
          },
          flagged: access.breakGlass,
          now,
        });
        return created;
      });
      return reply.status(201).send(await findReferral(ctx.db, id));
    },
  );

  api.post(
    '/onward-referrals/:id/outcome',
    {
      config: { access: 'patient:write' },
      schema: { tags: ['outcomes'], params: idParams, body: closeReferralSchema },
    },
    async (req) => {
      const auth = authOf(req);
      const referral = await findReferral(ctx.db, req.params.id);
      if (!referral) throw problem('not-found');
      const access = await patientAccess(ctx, req, referral.patientId, 'onward-referral.update');
      if (req.body.on < referral.decidedOn)
        throw problem('validation-failed', undefined, [
          { path: 'body.on', message: `Must not be before the referral was decided (${referral.decidedOn})` },
        ]);
      if (referral.state !== 'pending')
        throw problem(
          'conflict',
          `This referral was already ${referral.state} on ${referral.closedOn ?? ''}.`,
        );
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        const closed = await closeReferral(tx, {
          referralId: referral.id,
          kind: req.body.outcome,
          on: req.body.on,
          note: req.body.note ?? null,
          at: now,
          by: auth.user.id,
        });
        if (!closed) throw problem('conflict', 'This referral was already made or cancelled.');
        await recordChange(req, tx, {
          action: 'onward-referral.update',
          resource: { type: 'OnwardReferral', id: referral.id },
          patientId: referral.patientId,
          timeline: {
            kind: 'onward-referral',
            summary: `Referral to ${label(referralDestinations, referral.destination)} ${req.body.outcome} on ${req.body.on}`,
          },
          flagged: access.breakGlass,
          details: { outcome: req.body.outcome },
          now,
        });
      });
      return findReferral(ctx.db, referral.id);
    },
  );

  api.get(
    '/patients/:id/onward-referrals',
    {
      config: { access: 'patient:read', patientScoped: true },
      schema: { tags: ['outcomes'], params: patientIdParams },
    },
    async (req) => {
      const access = await patientAccess(ctx, req, req.params.id, 'onward-referral.read');
      const referrals = await patientReferrals(ctx.db, access.patientId);
      await auditRead(ctx, req, access, 'onward-referral.read', 'OnwardReferral');
      return { referrals };
    },
  );

  api.post(
    '/patients/:id/crisis-events',
    {
      config: { access: 'patient:write', patientScoped: true },
      schema: { tags: ['outcomes'], params: patientIdParams, body: createCrisisEventSchema },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'crisis-event.create');
      const now = ctx.now();
      if (req.body.occurredOn > now.toISOString().slice(0, 10))
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
        await recordChange(req, tx, {
          action: 'crisis-event.create',
          resource: { type: 'CrisisEvent', id: created },
          patientId: access.patientId,
          timeline: {
            kind: 'crisis-event',
            summary: `Crisis event recorded: ${label(crisisKinds, req.body.kind)} on ${req.body.occurredOn}`,
          },
          flagged: access.breakGlass,
          now,
        });
        return created;
      });
      return reply.status(201).send(await findCrisisEvent(ctx.db, id));
    },
  );

  api.post(
    '/crisis-events/:id/retraction',
    {
      config: { access: 'patient:write' },
      schema: { tags: ['outcomes'], params: idParams, body: retractCrisisEventSchema },
    },
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
      return findCrisisEvent(ctx.db, event.id);
    },
  );

  api.get(
    '/patients/:id/crisis-events',
    {
      config: { access: 'patient:read', patientScoped: true },
      schema: { tags: ['outcomes'], params: patientIdParams },
    },
    async (req) => {
      const access = await patientAccess(ctx, req, req.params.id, 'crisis-event.read');
      const events = await patientCrisisEvents(ctx.db, access.patientId);
      await auditRead(ctx, req, access, 'crisis-event.read', 'CrisisEvent');
      return { events };
    },
  );
}

// A patient's onward referrals: record one at the level of need of the decision it follows, with a target time;
// list them (C6: the referral-within-target measure).
import { referralDestinations } from '../../domain/outcomes/index.ts';
import { createReferralSchema } from '../../schemas/outcomes.ts';
import { referralReply, referralsReply } from '../../schemas/replies/outcomes.ts';
import {
  insertReferral,
  patientReferrals,
  readReferral,
  referralDecision,
} from '../../store/referrals-crisis.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartRead, chartWrite } from '../route.ts';
import { patientAccess, patientRead } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { added, recordChange } from '../record-change.ts';

/** "Urology"; an unknown id as sent. */
const destinationLabel = (id: string) => referralDestinations.find((d) => d.id === id)?.label ?? id;

export function patientOnwardReferralRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/patients/:id/onward-referrals',
    chartWrite({ body: createReferralSchema, 201: referralReply }),
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
        const line = `Referral to ${destinationLabel(req.body.destination)} decided (target ${String(req.body.targetDays)} days)`;
        await recordChange(req, tx, { ...added('onward-referral', created, line), access, now });
        return created;
      });
      return reply.status(201).send(await readReferral(ctx.db, id));
    },
  );

  api.get('/patients/:id/onward-referrals', chartRead({ 200: referralsReply }), async (req) => {
    const access = await patientRead(ctx, req, req.params.id, 'onward-referral.read', 'OnwardReferral');
    const referrals = await patientReferrals(ctx.db, access.patientId);
    return { referrals };
  });
}

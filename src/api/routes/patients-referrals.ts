// /patients/:id/referrals: a referral for ketamine treatment with its indication and its flags.
import { referralReply } from '../../schemas/replies/treatment.ts';
import { indicationCheck } from '../../domain/treatment/index.ts';
import { referralSchema } from '../../schemas/treatment.ts';
import { insertReferral } from '../../store/treatment-screening.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartWrite } from '../route.ts';
import { patientAccess } from '../patient-access.ts';
import { added, recordChange } from '../record-change.ts';

export function patientReferralRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/patients/:id/referrals',
    chartWrite({ body: referralSchema, 201: referralReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'referral.create');
      const check = indicationCheck(req.body.indication);
      const now = ctx.now();
      const id = await ctx.db.transaction(async (tx) => {
        const referralId = await insertReferral(tx, {
          patientId: access.patientId,
          indication: req.body.indication,
          indicationOther: req.body.indicationOther ?? null,
          flags: check.flags,
          referrer: req.body.referrer ?? null,
          receivedOn: req.body.receivedOn ?? null,
          recordedAt: now,
          recordedBy: auth.user.id,
        });
        const line = `Referral for ketamine treatment: ${check.indication?.label ?? req.body.indication}`;
        await recordChange(req, tx, { ...added('referral', referralId, line), access, now });
        return referralId;
      });
      return reply.status(201).send({ id, indication: check.indication, flags: check.flags });
    },
  );
}

// An onward referral's outcome: made or cancelled, once, on a day not before it was decided.
import { referralDestinations } from '../../domain/outcomes/index.ts';
import { idParams } from '../../schemas/common.ts';
import { closeReferralSchema } from '../../schemas/outcomes.ts';
import { referralReply } from '../../schemas/replies/outcomes.ts';
import { closeReferral, findReferral, readReferral } from '../../store/referrals-crisis.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';

/** "Urology"; an unknown id as sent. */
const destinationLabel = (id: string) => referralDestinations.find((d) => d.id === id)?.label ?? id;

export function onwardReferralRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/onward-referrals/:id/outcome',
    route('patient:write', { params: idParams, body: closeReferralSchema, 200: referralReply }),
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
            summary: `Referral to ${destinationLabel(referral.destination)} ${req.body.outcome} on ${req.body.on}`,
          },
          flagged: access.breakGlass,
          details: { outcome: req.body.outcome },
          now,
        });
      });
      return readReferral(ctx.db, referral.id);
    },
  );
}

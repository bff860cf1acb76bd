// A clinician issues a patient a time-limited, single-use self-report link for chosen questionnaires.
import { selfReportLinkSchema } from '../../schemas/instruments.ts';
import { newToken, sha256 } from '../../security/tokens.ts';
import { definitionsInForce } from '../../store/instruments.ts';
import { insertSelfReportLink } from '../../store/self-report.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartWrite } from '../route.ts';
import { patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';
import { selfReportLinkReply } from '../../schemas/replies/questionnaires.ts';

export function patientSelfReportLinkRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/patients/:id/self-report-links',
    chartWrite({ body: selfReportLinkSchema, 201: selfReportLinkReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'self-report.create');
      const known = new Set(
        (await definitionsInForce(ctx.db))
          .filter((d) => d.items.every((i) => i.text !== undefined))
          .map((d) => d.id),
      );
      const bad = req.body.instruments.findIndex((id) => !known.has(id));
      if (bad >= 0) {
        throw problem('validation-failed', undefined, [
          { path: `body.instruments.${bad}`, message: 'Unknown instrument, or its item text is not loaded' },
        ]);
      }
      const token = newToken();
      const now = ctx.now();
      const expiresAt = new Date(now.getTime() + req.body.expiresInMinutes * 60_000);
      const id = await ctx.db.transaction(async (tx) => {
        const linkId = await insertSelfReportLink(tx, {
          tokenHash: sha256(token),
          patientId: access.patientId,
          instrumentIds: req.body.instruments,
          by: auth.user.id,
          at: now,
          expiresAt,
        });
        await recordChange(req, tx, {
          action: 'self-report.create',
          resource: { type: 'SelfReportLink', id: linkId },
          patientId: access.patientId,
          timeline: {
            kind: 'self-report-link',
            summary: `Self-report link issued (${req.body.instruments.join(', ')})`,
          },
          now,
        });
        return linkId;
      });
      return reply
        .status(201)
        .send({ id, path: `/self-report/${token}`, expiresAt: expiresAt.toISOString() });
    },
  );
}

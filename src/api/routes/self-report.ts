// Patient self-report: the patient opens a link and answers without an account; the link is then spent.
import { z } from 'zod';
import { storableString } from '../../schemas/common.ts';
import { selfReportSubmitSchema } from '../../schemas/instruments.ts';
import { sha256 } from '../../security/tokens.ts';
import { definitionsInForce } from '../../store/instruments.ts';
import { findLinkByTokenHash, markLinkUsed, type SelfReportLinkRow } from '../../store/self-report.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { problem } from '../problem.ts';
import { scoreOrRefuse } from './instruments.ts';
import { recordResponse } from './patients-responses.ts';
import { selfReportFormReply, selfReportReceivedReply } from '../../schemas/replies/questionnaires.ts';

const tokenParams = z.object({ token: storableString().min(20).max(100) }).strict();

export function selfReportRoutes(api: ZodApp, ctx: AppContext): void {
  /** The link behind a token when it is unused and unexpired; anything else is the same 404. */
  async function liveLink(token: string): Promise<SelfReportLinkRow> {
    const link = await findLinkByTokenHash(ctx.db, sha256(token));
    if (!link || link.used_at || link.expires_at <= ctx.now()) {
      throw problem(
        'not-found',
        'This questionnaire link has expired or was already used. Ask your clinic for a new one.',
      );
    }
    return link;
  }

  api.get(
    '/self-report/:token',
    route('public', { params: tokenParams, 200: selfReportFormReply }),
    async (req) => {
      const link = await liveLink(req.params.token);
      const defs = (await definitionsInForce(ctx.db)).filter((d) => link.instrument_ids.includes(d.id));
      // The patient sees the questions only: no name or other identifier travels with the link.
      return {
        expiresAt: link.expires_at.toISOString(),
        instruments: link.instrument_ids
          .map((id) => defs.find((d) => d.id === id))
          .filter((d) => d !== undefined),
      };
    },
  );

  api.post(
    '/self-report/:token',
    route('public', { params: tokenParams, body: selfReportSubmitSchema, 201: selfReportReceivedReply }),
    async (req, reply) => {
      const link = await liveLink(req.params.token);
      const defs = await definitionsInForce(ctx.db);
      const scored = req.body.responses.map((r, i) => {
        const def = defs.find((d) => d.id === r.instrument);
        if (!def || !link.instrument_ids.includes(r.instrument)) {
          throw problem('validation-failed', undefined, [
            { path: `body.responses.${i}.instrument`, message: 'Not part of this link' },
          ]);
        }
        return { def, answers: r.answers, result: scoreOrRefuse(def, r.answers, `body.responses.${i}`) };
      });
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        // The primary key makes the link single-use even when two submissions race.
        if (!(await markLinkUsed(tx, link.id, now)))
          throw problem('not-found', 'This questionnaire link was already used.');
        for (const s of scored) {
          await recordResponse(tx, req, {
            ...s,
            patientId: link.patient_id,
            serviceId: link.service_id,
            completedAt: now,
            now,
            source: 'self-report',
            recordedBy: null,
            selfReportLinkId: link.id,
          });
        }
      });
      return reply.status(201).send({ received: scored.length });
    },
  );
}

// Patient self-report: a clinician makes a time-limited single-use link; the patient answers without an account.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { patientIdParams } from '../../schemas/patient.ts';
import { selfReportLinkSchema, selfReportSubmitSchema } from '../../schemas/instruments.ts';
import { newToken, sha256 } from '../../security/tokens.ts';
import { definitionsInForce } from '../../store/instruments.ts';
import {
  findLinkByTokenHash,
  insertSelfReportLink,
  markLinkUsed,
  type SelfReportLinkRow,
} from '../../store/self-report.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';
import { recordResponse, scoreOrRefuse } from '../record-response.ts';
import { storableString } from '../../schemas/common.ts';

const tokenParams = z.object({ token: storableString().min(20).max(100) }).strict();

export function selfReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

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

  api.post(
    '/patients/:id/self-report-links',
    {
      config: { access: 'patient:write', patientScoped: true },
      schema: { tags: ['self-report'], params: patientIdParams, body: selfReportLinkSchema },
    },
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

  api.get(
    '/self-report/:token',
    { config: { access: 'public' }, schema: { tags: ['self-report'], params: tokenParams } },
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
    {
      config: { access: 'public' },
      schema: { tags: ['self-report'], params: tokenParams, body: selfReportSubmitSchema },
    },
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

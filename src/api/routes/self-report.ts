// Patient self-report: a clinician makes a time-limited single-use link; the patient answers without an account.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { patientIdParams } from '../../schemas/patient.ts';
import { selfReportLinkSchema, selfReportSubmitSchema } from '../../schemas/instruments.ts';
import { newToken, sha256 } from '../../security/tokens.ts';
import { definitionsInForce } from '../../store/instruments.ts';
import { addTimelineEvent } from '../../store/timeline.ts';
import { authOf, auditFrom, zodApp, type AppContext } from '../context.ts';
import { patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { recordResponse, scoreOrRefuse } from '../record-response.ts';
import { storableString } from '../../schemas/common.ts';

const tokenParams = z.object({ token: storableString().min(20).max(100) }).strict();

interface LinkRow {
  id: string;
  patient_id: string;
  service_id: string;
  instrument_ids: string[];
  expires_at: Date;
  used_at: Date | null;
}

export function selfReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  /** The link behind a token when it is unused and unexpired; anything else is the same 404. */
  async function liveLink(token: string): Promise<LinkRow> {
    const rows = await ctx.db.query<LinkRow>(
      `SELECT l.id, l.patient_id, p.service_id, l.instrument_ids, l.expires_at, u.used_at
       FROM self_report_links l JOIN patients p ON p.id = l.patient_id LEFT JOIN self_report_uses u ON u.link_id = l.id
       WHERE l.token_hash = $1`,
      [sha256(token)],
    );
    const link = rows[0];
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
        const [row] = await tx.query<{ id: string }>(
          `INSERT INTO self_report_links (token_hash, patient_id, instrument_ids, created_by, created_at, expires_at)
           VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
          [sha256(token), access.patientId, req.body.instruments, auth.user.id, now, expiresAt],
        );
        if (!row) throw new Error('insert returned no row');
        await addTimelineEvent(tx, {
          patientId: access.patientId,
          occurredAt: now,
          kind: 'self-report-link',
          summary: `Self-report link issued (${req.body.instruments.join(', ')})`,
          refType: 'SelfReportLink',
          refId: row.id,
          actorId: auth.user.id,
        });
        await auditFrom(
          req,
          tx,
          {
            action: 'self-report.create',
            resourceType: 'SelfReportLink',
            resourceId: row.id,
            patientId: access.patientId,
            outcome: 'success',
          },
          now,
        );
        return row.id;
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
        const used = await tx.query(
          'INSERT INTO self_report_uses (link_id, used_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING link_id',
          [link.id, now],
        );
        if (used.length === 0) throw problem('not-found', 'This questionnaire link was already used.');
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

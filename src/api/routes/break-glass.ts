// Break-glass: time-boxed, reasoned access to another service's patient, flagged and reviewed afterwards.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { normaliseNhsNumber } from '../../domain/patient/nhs-number.ts';
import { breakGlassReviewSchema, breakGlassSchema } from '../../schemas/auth.ts';
import { uuid } from '../../schemas/common.ts';
import { findByIdentifier } from '../../store/patients.ts';
import { addTimelineEvent } from '../../store/timeline.ts';
import { authOf, auditFrom, zodApp, type AppContext } from '../context.ts';
import { problem } from '../problem.ts';

export function breakGlassRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.post(
    '/break-glass',
    { config: { access: 'patient:read' }, schema: { tags: ['break-glass'], body: breakGlassSchema } },
    async (req, reply) => {
      const auth = authOf(req);
      const now = ctx.now();
      const raw = req.body.identifier;
      const identifier = /^[\d\s]{10,13}$/.test(raw) ? normaliseNhsNumber(raw) : raw;
      const matches = (await findByIdentifier(ctx.db, identifier)).filter(
        (m) => !auth.user.service_ids.includes(m.service_id),
      );
      const expiresAt = new Date(now.getTime() + ctx.config.KASPR_BREAK_GLASS_MINUTES * 60_000);
      const grants = await ctx.db.transaction(async (tx) => {
        if (matches.length === 0) {
          await auditFrom(
            req,
            tx,
            {
              action: 'break-glass.request',
              resourceType: 'Patient',
              outcome: 'not-found',
              flagged: true,
              details: { reason: req.body.reason },
            },
            now,
          );
          return [];
        }
        const out: { id: string; patientId: string; expiresAt: string }[] = [];
        for (const m of matches) {
          const [row] = await tx.query<{ id: string }>(
            `INSERT INTO break_glass_grants (user_id, patient_id, reason, granted_at, expires_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id`,
            [auth.user.id, m.id, req.body.reason, now, expiresAt],
          );
          if (!row) throw new Error('insert returned no row');
          await addTimelineEvent(tx, {
            patientId: m.id,
            occurredAt: now,
            kind: 'break-glass',
            summary: `Emergency access by ${auth.user.display_name}`,
            refType: 'BreakGlassGrant',
            refId: row.id,
            actorId: auth.user.id,
          });
          await auditFrom(
            req,
            tx,
            {
              action: 'break-glass.grant',
              resourceType: 'Patient',
              resourceId: m.id,
              patientId: m.id,
              outcome: 'success',
              flagged: true,
              details: { grantId: row.id, reason: req.body.reason },
            },
            now,
          );
          out.push({ id: row.id, patientId: m.id, expiresAt: expiresAt.toISOString() });
        }
        return out;
      });
      if (grants.length === 0)
        throw problem('not-found', 'No patient in another service has that identifier.');
      return reply.status(201).send({ grants });
    },
  );

  api.get(
    '/break-glass',
    { config: { access: 'break-glass:review' }, schema: { tags: ['break-glass'] } },
    async () => {
      const rows = await ctx.db.query<{
        id: string;
        user_id: string;
        display_name: string;
        patient_id: string;
        reason: string;
        granted_at: Date;
        expires_at: Date;
        reviewed_at: Date | null;
        reviewer: string | null;
        note: string | null;
      }>(
        `SELECT g.*, u.display_name, r.reviewed_at, ru.display_name AS reviewer, r.note
       FROM break_glass_grants g JOIN users u ON u.id = g.user_id
       LEFT JOIN break_glass_reviews r ON r.grant_id = g.id LEFT JOIN users ru ON ru.id = r.reviewed_by
       ORDER BY (r.reviewed_at IS NULL) DESC, g.granted_at DESC LIMIT 500`,
      );
      return {
        grants: rows.map((r) => ({
          id: r.id,
          user: { id: r.user_id, displayName: r.display_name },
          patientId: r.patient_id,
          reason: r.reason,
          grantedAt: r.granted_at.toISOString(),
          expiresAt: r.expires_at.toISOString(),
          review: r.reviewed_at
            ? { reviewedAt: r.reviewed_at.toISOString(), reviewer: r.reviewer, note: r.note }
            : null,
        })),
      };
    },
  );

  api.post(
    '/break-glass/:id/review',
    {
      config: { access: 'break-glass:review' },
      schema: {
        tags: ['break-glass'],
        params: z.object({ id: uuid }).strict(),
        body: breakGlassReviewSchema,
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        const [grant] = await tx.query<{ user_id: string; patient_id: string }>(
          'SELECT user_id, patient_id FROM break_glass_grants WHERE id = $1',
          [req.params.id],
        );
        if (!grant) throw problem('not-found');
        if (grant.user_id === auth.user.id)
          throw problem('conflict', 'Someone else must review your own emergency access.');
        const done = await tx.query('SELECT 1 FROM break_glass_reviews WHERE grant_id = $1', [req.params.id]);
        if (done.length > 0) throw problem('conflict', 'This access has already been reviewed.');
        await tx.query(
          'INSERT INTO break_glass_reviews (grant_id, reviewed_by, reviewed_at, note) VALUES ($1, $2, $3, $4)',
          [req.params.id, auth.user.id, now, req.body.note],
        );
        await auditFrom(
          req,
          tx,
          {
            action: 'break-glass.review',
            resourceType: 'BreakGlassGrant',
            resourceId: req.params.id,
            patientId: grant.patient_id,
            outcome: 'success',
          },
          now,
        );
      });
      return reply.status(201).send({ reviewed: true });
    },
  );
}

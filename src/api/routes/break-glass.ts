// Break-glass: time-boxed, reasoned access to another service's patient, flagged and reviewed afterwards.
import type { FastifyRequest } from 'fastify';
import { normaliseNhsNumber } from '../../domain/patient/nhs-number.ts';
import { breakGlassReviewSchema, breakGlassSchema } from '../../schemas/auth.ts';
import { idParams } from '../../schemas/common.ts';
import { breakGlassGrantsReply, grantsCreatedReply, reviewedReply } from '../../schemas/replies/admin.ts';
import {
  findBreakGlassGrant,
  insertBreakGlassGrant,
  insertBreakGlassReview,
  listBreakGlassGrants,
} from '../../store/break-glass.ts';
import type { Queryable } from '../../store/db.ts';
import { findByIdentifier } from '../../store/patients.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { recordChange, recordRefusal } from '../record-change.ts';
import { problem } from '../problem.ts';

interface Grant {
  id: string;
  patientId: string;
  expiresAt: string;
}

/**
 * Grants the signed-in user access to one patient until `expiresAt`: the grant, a line on the patient's
 * timeline and a flagged audit entry, inside `tx`.
 */
async function grantAccess(
  req: FastifyRequest,
  tx: Queryable,
  patientId: string,
  reason: string,
  now: Date,
  expiresAt: Date,
): Promise<Grant> {
  const user = authOf(req).user;
  const grantId = await insertBreakGlassGrant(tx, {
    userId: user.id,
    patientId,
    reason,
    grantedAt: now,
    expiresAt,
  });
  // The chart line points at the grant, the audit entry at the patient.
  const summary = `Emergency access by ${user.display_name}`;
  await recordChange(req, tx, {
    action: 'break-glass.grant',
    resource: { type: 'Patient', id: patientId },
    patientId,
    flagged: true,
    timeline: { kind: 'break-glass', summary, ref: { type: 'BreakGlassGrant', id: grantId } },
    details: { grantId, reason },
    now,
  });
  return { id: grantId, patientId, expiresAt: expiresAt.toISOString() };
}

export function breakGlassRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/break-glass',
    route('patient:read', { body: breakGlassSchema, 201: grantsCreatedReply }),
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
          await recordRefusal(req, tx, {
            action: 'break-glass.request',
            resource: { type: 'Patient' },
            outcome: 'not-found',
            flagged: true,
            details: { reason: req.body.reason },
            now,
          });
          return [];
        }
        const out: Grant[] = [];
        for (const m of matches) out.push(await grantAccess(req, tx, m.id, req.body.reason, now, expiresAt));
        return out;
      });
      if (grants.length === 0)
        throw problem('not-found', 'No patient in another service has that identifier.');
      return reply.status(201).send({ grants });
    },
  );

  api.get('/break-glass', route('break-glass:review', { 200: breakGlassGrantsReply }), async () => {
    const rows = await listBreakGlassGrants(ctx.db);
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
  });

  api.post(
    '/break-glass/:id/review',
    route('break-glass:review', { params: idParams, body: breakGlassReviewSchema, 201: reviewedReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        const grant = await findBreakGlassGrant(tx, req.params.id);
        if (!grant) throw problem('not-found');
        if (grant.userId === auth.user.id)
          throw problem('conflict', 'Someone else must review your own emergency access.');
        if (grant.reviewed) throw problem('conflict', 'This access has already been reviewed.');
        await insertBreakGlassReview(tx, {
          grantId: req.params.id,
          reviewedBy: auth.user.id,
          reviewedAt: now,
          note: req.body.note,
        });
        await recordChange(req, tx, {
          action: 'break-glass.review',
          resource: { type: 'BreakGlassGrant', id: req.params.id },
          patientId: grant.patientId,
          now,
        });
      });
      return reply.status(201).send({ reviewed: true });
    },
  );
}

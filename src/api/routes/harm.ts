// The harm pathway's shared resources: evaluate without saving, the content packs, and the review worklist.
import { todayInServices } from '../services-today.ts';
import { z } from 'zod';
import { validateContentPack } from '../../domain/harm/index.ts';
import { storableRecord } from '../../schemas/common.ts';
import { evaluateSchema } from '../../schemas/harm.ts';
import { reviewWorklist } from '../../store/harm.ts';
import { listPacks, packInForce, packVersionTaken, savePack } from '../../store/harm-packs.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { evaluateOrRefuse } from '../harm-evaluation.ts';
import { fromDomainProblems, problem } from '../problem.ts';
import { auditAccess, recordChange } from '../record-change.ts';
import {
  contentPackReply,
  contentPacksReply,
  harmEvaluationReply,
  packLoadedReply,
  reviewWorklistReply,
} from '../../schemas/replies/harm.ts';

export function harmRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/harm/evaluate',
    route('authenticated', { body: evaluateSchema, 200: harmEvaluationReply }),
    async (req) => evaluateOrRefuse(req.body.assessment, await packInForce(ctx.db)).evaluation,
  );

  api.get('/harm/content-packs', route('authenticated', { 200: contentPacksReply }), async () => ({
    packs: await listPacks(ctx.db),
  }));

  api.get('/harm/content-pack', route('authenticated', { 200: contentPackReply }), async () =>
    packInForce(ctx.db),
  );

  api.post(
    '/harm/content-packs',
    route('content:manage', {
      body: storableRecord().describe('A harm-pathway content pack'),
      201: packLoadedReply,
    }),
    async (req, reply) => {
      const auth = authOf(req);
      const outcome = validateContentPack(req.body);
      if (!outcome.ok)
        throw problem(
          'validation-failed',
          'The content pack is not valid.',
          fromDomainProblems(outcome.problems),
        );
      const pack = outcome.value;
      if (await packVersionTaken(ctx.db, pack.id, pack.version)) throw problem('content-version-exists');
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await savePack(tx, pack, auth.user.id, now);
        await recordChange(req, tx, {
          action: 'content-pack.load',
          resource: { type: 'HarmContentPack', id: `${pack.id}@${pack.version}` },
          now,
        });
      });
      return reply
        .status(201)
        .send({ id: pack.id, version: pack.version, contentVersion: `${pack.id}@${pack.version}` });
    },
  );

  api.get(
    '/harm/review-worklist',
    route('patient:read', {
      querystring: z.object({ horizonDays: z.coerce.number().int().min(0).max(90).default(7) }).strict(),
      200: reviewWorklistReply,
    }),
    async (req) => {
      const auth = authOf(req);
      const today = await todayInServices(ctx.db, auth.user.service_ids, ctx.now());
      const items = await reviewWorklist(ctx.db, auth.user.service_ids, today, req.query.horizonDays);
      await auditAccess(ctx, req, 'review-worklist.read', 'Worklist', { count: items.length });
      return { today, items };
    },
  );
}

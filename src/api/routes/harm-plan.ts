// Harm pathway continuity: content packs, care plans, the review worklist and the supervision queue.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { validateContentPack } from '../../domain/harm/index.ts';
import { carePlanSchema, supervisionNoteSchema } from '../../schemas/harm.ts';
import { patientIdParams } from '../../schemas/patient.ts';
import { insertCarePlan, isDecisionOfPatient, listCarePlans, reviewWorklist } from '../../store/harm.ts';
import { listPacks, packInForce, packVersionTaken, savePack } from '../../store/harm-packs.ts';
import { insertSupervisionNote, supervisionQueue, supervisionTarget } from '../../store/supervision.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { fromDomainProblems, problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';
import { storableRecord } from '../../schemas/common.ts';
import { requireStaffOfService } from '../references.ts';

export function harmPlanRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.get(
    '/harm/content-packs',
    { config: { access: 'authenticated' }, schema: { tags: ['harm'] } },
    async () => ({ packs: await listPacks(ctx.db) }),
  );
  api.get(
    '/harm/content-pack',
    { config: { access: 'authenticated' }, schema: { tags: ['harm'] } },
    async () => packInForce(ctx.db),
  );

  api.post(
    '/harm/content-packs',
    {
      config: { access: 'content:manage' },
      schema: {
        tags: ['harm'],
        body: storableRecord().describe('A harm-pathway content pack'),
      },
    },
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
    '/patients/:id/care-plan',
    {
      config: { access: 'patient:read', patientScoped: true },
      schema: { tags: ['harm'], params: patientIdParams },
    },
    async (req) => {
      const access = await patientAccess(ctx, req, req.params.id, 'care-plan.read');
      const rows = await listCarePlans(ctx.db, access.patientId);
      await auditRead(ctx, req, access, 'care-plan.read', 'CarePlan');
      const view = (r: (typeof rows)[number]) => ({
        version: r.version,
        ...r.plan,
        reviewDue: r.review_due,
        decisionId: r.decision_id,
        reason: r.reason,
        recordedAt: r.recorded_at.toISOString(),
        recordedBy: { id: r.recorded_by, displayName: r.recorded_by_name },
      });
      return { current: rows[0] ? view(rows[0]) : null, history: rows.map(view) };
    },
  );

  api.post(
    '/patients/:id/care-plan',
    {
      config: { access: 'patient:write', patientScoped: true },
      schema: { tags: ['harm'], params: patientIdParams, body: carePlanSchema },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'care-plan.create');
      await requireStaffOfService(ctx.db, access.serviceId, {
        'body.keyWorkerId': req.body.keyWorkerId,
        ...Object.fromEntries(
          req.body.interventions.map((i, n) => [`body.interventions.${n}.ownerId`, i.ownerId]),
        ),
      });
      const { reviewDue, decisionId, reason, ...plan } = req.body;
      const known = new Set((await packInForce(ctx.db)).interventions.map((i) => i.id));
      const unknown = plan.interventions.findIndex((i) => !known.has(i.interventionId));
      if (unknown >= 0)
        throw problem('validation-failed', undefined, [
          {
            path: `body.interventions.${unknown}.interventionId`,
            message: 'Not an intervention of the content pack in force',
          },
        ]);
      const now = ctx.now();
      const version = await ctx.db.transaction(async (tx) => {
        if (decisionId && !(await isDecisionOfPatient(tx, decisionId, access.patientId))) {
          throw problem('validation-failed', undefined, [
            { path: 'body.decisionId', message: 'Not a decision about this patient' },
          ]);
        }
        const v = await insertCarePlan(tx, {
          patientId: access.patientId,
          plan,
          reviewDue,
          decisionId: decisionId ?? null,
          reason: reason ?? null,
          at: now,
          by: auth.user.id,
        });
        await recordChange(req, tx, {
          action: 'care-plan.create',
          resource: { type: 'CarePlan', id: String(v) },
          patientId: access.patientId,
          timeline: {
            kind: 'care-plan',
            summary: `Care plan version ${v}: ${plan.interventions.length} intervention(s); review by ${reviewDue}`,
          },
          flagged: access.breakGlass,
          now,
        });
        return v;
      });
      return reply.status(201).send({ version, reviewDue });
    },
  );

  api.get(
    '/harm/review-worklist',
    {
      config: { access: 'patient:read' },
      schema: {
        tags: ['harm'],
        querystring: z.object({ horizonDays: z.coerce.number().int().min(0).max(90).default(7) }).strict(),
      },
    },
    async (req) => {
      const auth = authOf(req);
      const today = ctx.now().toISOString().slice(0, 10);
      const items = await reviewWorklist(ctx.db, auth.user.service_ids, today, req.query.horizonDays);
      await ctx.db.transaction((tx) =>
        recordChange(req, tx, {
          action: 'review-worklist.read',
          resource: { type: 'Worklist' },
          details: { count: items.length },
          now: ctx.now(),
        }),
      );
      return { today, items };
    },
  );

  api.get(
    '/supervision',
    { config: { access: 'supervision' }, schema: { tags: ['supervision'] } },
    async (req) => {
      const auth = authOf(req);
      const today = ctx.now().toISOString().slice(0, 10);
      const queue = await supervisionQueue(ctx.db, auth.user.service_ids, today);
      await ctx.db.transaction((tx) =>
        recordChange(req, tx, {
          action: 'supervision.read',
          resource: { type: 'Supervision' },
          details: { count: queue.items.length },
          now: ctx.now(),
        }),
      );
      return queue;
    },
  );

  api.post(
    '/supervision/notes',
    { config: { access: 'supervision' }, schema: { tags: ['supervision'], body: supervisionNoteSchema } },
    async (req, reply) => {
      const auth = authOf(req);
      const now = ctx.now();
      const target = await supervisionTarget(ctx.db, req.body.itemType, req.body.itemId);
      if (!target || !auth.user.service_ids.includes(target.service_id)) throw problem('not-found');
      const id = await ctx.db.transaction(async (tx) => {
        const noteId = await insertSupervisionNote(tx, {
          itemType: req.body.itemType,
          itemId: req.body.itemId,
          patientId: target.patient_id,
          note: req.body.note,
          signedOff: req.body.signOff,
          at: now,
          by: auth.user.id,
        });
        await recordChange(req, tx, {
          action: 'supervision.note',
          resource: { type: 'SupervisionNote', id: noteId },
          patientId: target.patient_id,
          timeline: {
            kind: 'supervision',
            summary: `Supervision ${req.body.signOff ? 'sign-off' : 'note'} (${req.body.itemType})`,
          },
          now,
        });
        return noteId;
      });
      return reply.status(201).send({ id });
    },
  );
}

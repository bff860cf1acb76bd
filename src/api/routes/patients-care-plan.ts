// A patient's care plan: versions of planned interventions, goals, key worker and the next review.
import { carePlanSchema } from '../../schemas/harm.ts';
import { insertCarePlan, isDecisionOfPatient, listCarePlans } from '../../store/harm.ts';
import { packInForce } from '../../store/harm-packs.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartRead, chartWrite } from '../route.ts';
import { patientAccess, patientRead } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { added, recordChange } from '../record-change.ts';
import { requireStaffOfService } from '../references.ts';
import { carePlanListReply, carePlanSavedReply } from '../../schemas/replies/harm.ts';

export function patientCarePlanRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/patients/:id/care-plan', chartRead({ 200: carePlanListReply }), async (req) => {
    const access = await patientRead(ctx, req, req.params.id, 'care-plan.read', 'CarePlan');
    const rows = await listCarePlans(ctx.db, access.patientId);
    const view = (r: (typeof rows)[number]) => ({
      version: r.version,
      ...r.plan,
      goals: r.plan.goals ?? [],
      reviewDue: r.review_due,
      decisionId: r.decision_id,
      reason: r.reason,
      recordedAt: r.recorded_at.toISOString(),
      recordedBy: { id: r.recorded_by, displayName: r.recorded_by_name },
    });
    return { current: rows[0] ? view(rows[0]) : null, history: rows.map(view) };
  });

  api.post(
    '/patients/:id/care-plan',
    chartWrite({ body: carePlanSchema, 201: carePlanSavedReply }),
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
        const line = `Care plan version ${v}: ${plan.interventions.length} intervention(s); review by ${reviewDue}`;
        await recordChange(req, tx, { ...added('care-plan', String(v), line), access, now });
        return v;
      });
      return reply.status(201).send({ version, reviewDue });
    },
  );
}

// One saved harm assessment: read it, replay its recommendation with the pack it was made with, decide the level.
import type { FastifyRequest } from 'fastify';
import { canonicalJson, type Json } from '../../domain/audit/canonical-json.ts';
import type { LevelNumber } from '../../domain/harm/index.ts';
import { reviewDueDate, reviewWithinDaysFor } from '../../domain/harm/review-due.ts';
import { idParams } from '../../schemas/common.ts';
import { decisionSchema } from '../../schemas/harm.ts';
import { findAssessment, insertDecision, isDecided } from '../../store/harm.ts';
import { assessmentView, planInterventions, withProvisional } from '../../store/harm-assessment-view.ts';
import { packByContentVersion } from '../../store/harm-packs.ts';
import { serviceForDocuments } from '../../store/services.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { evaluateOrRefuse } from '../harm-evaluation.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';
import { assessmentEntryReply, decisionReply, replayReply } from '../../schemas/replies/harm.ts';

export function harmAssessmentRoutes(api: ZodApp, ctx: AppContext): void {
  /** The assessment and the caller's access to its patient; 404 when there is no such assessment. */
  async function visibleAssessment(req: FastifyRequest, id: string, action: string) {
    const row = await findAssessment(ctx.db, id);
    if (!row) throw problem('not-found');
    const access = await patientAccess(ctx, req, row.patient_id, action);
    return { row, access };
  }

  api.get(
    '/harm-assessments/:id',
    route('patient:read', { params: idParams, 200: assessmentEntryReply }),
    async (req) => {
      const { row, access } = await visibleAssessment(req, req.params.id, 'harm-assessment.read');
      await auditRead(ctx, req, access, 'harm-assessment.read', 'HarmAssessment', row.id);
      return assessmentView(row, await packByContentVersion(ctx.db, row.content_version));
    },
  );

  api.post(
    '/harm-assessments/:id/replay',
    route('patient:read', { params: idParams, 200: replayReply }),
    async (req) => {
      const { row, access } = await visibleAssessment(req, req.params.id, 'harm-assessment.replay');
      const pack = await packByContentVersion(ctx.db, row.content_version);
      if (!pack) throw problem('not-found', `Content version ${row.content_version} is not available.`);
      const { evaluation } = evaluateOrRefuse(row.assessment, pack, { newInput: false });
      await auditRead(ctx, req, access, 'harm-assessment.replay', 'HarmAssessment', row.id);
      // Compare canonical JSON: the database stores the evaluation as jsonb, which does not keep key order.
      const canonical = (value: unknown) => canonicalJson(JSON.parse(JSON.stringify(value)) as Json);
      return {
        identical: canonical(evaluation) === canonical(withProvisional(row.evaluation)),
        stored: row.evaluation,
        replayed: evaluation,
      };
    },
  );

  api.post(
    '/harm-assessments/:id/decision',
    route('patient:write', { params: idParams, body: decisionSchema, 201: decisionReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const { row, access } = await visibleAssessment(req, req.params.id, 'harm-decision.create');
      const overridden = req.body.confirmedLevel !== row.proposed_level;
      const reason = req.body.reason?.trim() ?? '';
      if (overridden && reason.length === 0)
        throw problem('override-reason-required', `The proposed level was ${row.proposed_level}.`, [
          { path: 'body.reason', message: 'Required when overriding the proposed level' },
        ]);
      const pack = await packByContentVersion(ctx.db, row.content_version);
      const now = ctx.now();
      // Counted from the day of the decision on the patient's service's clock, as the worklist counts "today".
      const { timeZone } = await serviceForDocuments(ctx.db, access.serviceId);
      const reviewDue = reviewDueDate(
        now,
        reviewWithinDaysFor(req.body.confirmedLevel as LevelNumber, pack, row.evaluation),
        timeZone,
      );
      const decisionId = await ctx.db.transaction(async (tx) => {
        if (await isDecided(tx, row.id)) throw problem('already-decided');
        const id = await insertDecision(tx, {
          assessmentId: row.id,
          patientId: row.patient_id,
          proposedLevel: row.proposed_level,
          confirmedLevel: req.body.confirmedLevel,
          reason: reason || null,
          reviewDue,
          at: now,
          by: auth.user.id,
        });
        const verb = overridden
          ? `overridden to level ${req.body.confirmedLevel} (proposed ${row.proposed_level})`
          : `accepted at level ${req.body.confirmedLevel}`;
        await recordChange(req, tx, {
          action: overridden ? 'harm-decision.override' : 'harm-decision.accept',
          resource: { type: 'HarmDecision', id },
          patientId: row.patient_id,
          timeline: { kind: 'harm-decision', summary: `Level of need ${verb}; review by ${reviewDue}` },
          flagged: access.breakGlass,
          details: { proposedLevel: row.proposed_level, confirmedLevel: req.body.confirmedLevel },
          now,
        });
        return id;
      });
      return reply.status(201).send({
        id: decisionId,
        assessmentId: row.id,
        proposedLevel: row.proposed_level,
        confirmedLevel: req.body.confirmedLevel as LevelNumber,
        overridden,
        reviewDue,
        planInterventions: planInterventions(row, req.body.confirmedLevel as LevelNumber, pack),
      });
    },
  );
}

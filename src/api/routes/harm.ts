// The harm pathway: evaluate, save versioned assessments with re-assessment alerts, decide or override, replay.
import type { FastifyInstance } from 'fastify';
import { canonicalJson, type Json } from '../../domain/audit/canonical-json.ts';
import {
  compareAssessments,
  harmPrefill,
  planInterventionsFor,
  type LevelNumber,
  type ValidContentPack,
} from '../../domain/harm/index.ts';
import { reassessmentTasks } from '../../domain/harm/reassessment-notices.ts';
import { reviewDueDate, reviewWithinDaysFor } from '../../domain/harm/review-due.ts';
import { idParams } from '../../schemas/common.ts';
import { decisionSchema, evaluateSchema, saveAssessmentSchema } from '../../schemas/harm.ts';
import { patientIdParams } from '../../schemas/patient.ts';
import { insertAlert, insertTask } from '../../store/alerts.ts';
import {
  findAssessment,
  insertAssessment,
  insertDecision,
  isDecided,
  listAssessments,
  prefillResponses,
  type AssessmentRow,
} from '../../store/harm.ts';
import { packByContentVersion, packInForce } from '../../store/harm-packs.ts';
import { authOf, zodApp, type AppContext } from '../context.ts';
import { evaluateOrRefuse, withProvisional } from '../harm-evaluation.ts';
import { auditRead, patientAccess } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';

/** The care plan's starting interventions for a decision, from the pack the proposal was made with. */
function planInterventions(
  row: AssessmentRow,
  confirmedLevel: LevelNumber,
  pack: ValidContentPack | undefined,
): string[] {
  if (!pack) return row.evaluation.interventions.map((i) => i.id);
  return planInterventionsFor(row.evaluation, confirmedLevel, pack);
}

function assessmentView(row: AssessmentRow, pack: ValidContentPack | undefined, previous?: AssessmentRow) {
  return {
    id: row.id,
    patientId: row.patient_id,
    assessedAt: row.assessed_at.toISOString(),
    recordedBy: { id: row.recorded_by, displayName: row.recorded_by_name },
    corrects: row.corrects,
    correctionReason: row.correction_reason,
    assessment: row.assessment,
    context: row.context,
    evaluation: withProvisional(row.evaluation),
    decision: row.decision_id
      ? {
          id: row.decision_id,
          confirmedLevel: row.confirmed_level,
          overridden: row.overridden,
          reason: row.decision_reason,
          reviewDue: row.review_due,
          decidedAt: row.decided_at?.toISOString() ?? null,
          decidedBy: row.decided_by_name,
          planInterventions: planInterventions(row, row.confirmed_level as LevelNumber, pack),
        }
      : null,
    comparison: previous ? compareAssessments(previous, row) : null,
  };
}

export function harmRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  async function visibleAssessment(req: Parameters<typeof authOf>[0], id: string, action: string) {
    const row = await findAssessment(ctx.db, id);
    if (!row) throw problem('not-found');
    const access = await patientAccess(ctx, req, row.patient_id, action);
    return { row, access };
  }

  api.post(
    '/harm/evaluate',
    { config: { access: 'authenticated' }, schema: { tags: ['harm'], body: evaluateSchema } },
    async (req) => evaluateOrRefuse(req.body.assessment, await packInForce(ctx.db)).evaluation,
  );

  api.post(
    '/patients/:id/harm-assessments',
    {
      config: { access: 'patient:write', patientScoped: true },
      schema: { tags: ['harm'], params: patientIdParams, body: saveAssessmentSchema },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'harm-assessment.create');
      const { assessment, evaluation } = evaluateOrRefuse(req.body.assessment, await packInForce(ctx.db));
      const now = ctx.now();
      const assessedAt = req.body.assessedAt ? new Date(req.body.assessedAt) : now;
      const history = await listAssessments(ctx.db, access.patientId);
      if (req.body.corrects && !history.some((h) => h.id === req.body.corrects)) {
        throw problem('validation-failed', undefined, [
          { path: 'body.corrects', message: 'Not an assessment of this patient' },
        ]);
      }
      const previous = history.filter((h) => h.id !== req.body.corrects).at(-1);
      const comparison = previous ? compareAssessments(previous, { assessment, evaluation }) : null;
      const saved = await ctx.db.transaction(async (tx) => {
        const id = await insertAssessment(tx, {
          patientId: access.patientId,
          assessment,
          context: req.body.context ?? {},
          evaluation,
          assessedAt,
          recordedAt: now,
          recordedBy: auth.user.id,
          ...(req.body.corrects
            ? { corrects: req.body.corrects, correctionReason: req.body.correctionReason ?? '' }
            : {}),
        });
        await recordChange(req, tx, {
          action: 'harm-assessment.create',
          resource: { type: 'HarmAssessment', id },
          patientId: access.patientId,
          timeline: {
            kind: 'harm-assessment',
            summary: `Harm assessment${req.body.corrects ? ' (correction)' : ''}: proposed level ${evaluation.level} — ${evaluation.levelLabel}`,
            occurredAt: assessedAt,
          },
          flagged: access.breakGlass,
          details: { contentVersion: evaluation.contentVersion, proposedLevel: evaluation.level },
          now,
        });
        // A new sentinel symptom, a new red flag or a rising level raises an alert and a task; how urgent each
        // is, what it says and who receives it are the domain's rules (reassessment-notices.ts).
        const tasks = reassessmentTasks(comparison?.alerts ?? [], {
          previous: previous?.recorded_by ?? null,
          current: auth.user.id,
        });
        const alertIds: string[] = [];
        for (const notice of tasks) {
          const alertId = await insertAlert(tx, {
            patientId: access.patientId,
            code: notice.code,
            severity: notice.severity,
            text: notice.text,
            sourceType: 'HarmAssessment',
            sourceId: id,
            at: now,
          });
          await insertTask(tx, {
            patientId: access.patientId,
            serviceId: access.serviceId,
            assignedTo: notice.assignedTo,
            title: notice.taskTitle,
            detail: notice.taskDetail,
            priority: notice.taskPriority,
            sourceType: 'Alert',
            sourceId: alertId,
            at: now,
          });
          alertIds.push(alertId);
        }
        return { id, alertIds };
      });
      return reply.status(201).send({ id: saved.id, evaluation, comparison, alertIds: saved.alertIds });
    },
  );

  api.get(
    '/patients/:id/harm-assessments',
    {
      config: { access: 'patient:read', patientScoped: true },
      schema: { tags: ['harm'], params: patientIdParams },
    },
    async (req) => {
      const access = await patientAccess(ctx, req, req.params.id, 'harm-assessment.list');
      const rows = await listAssessments(ctx.db, access.patientId);
      const versions = [...new Set(rows.map((r) => r.content_version))];
      const packs = new Map(
        await Promise.all(versions.map(async (v) => [v, await packByContentVersion(ctx.db, v)] as const)),
      );
      await auditRead(ctx, req, access, 'harm-assessment.list', 'HarmAssessment');
      return {
        assessments: rows.map((r, i) =>
          assessmentView(r, packs.get(r.content_version), i > 0 ? rows[i - 1] : undefined),
        ),
      };
    },
  );

  api.get(
    '/patients/:id/harm-assessments/prefill',
    {
      config: { access: 'patient:read', patientScoped: true },
      schema: {
        tags: ['harm'],
        params: patientIdParams,
        description:
          'What a new harm assessment starts from: the latest PHQ-9 total, SDS total and a positive PHQ-9 item 9 (as suicidal thoughts), each with its source response and date; editable in the form.',
      },
    },
    async (req) => {
      const access = await patientAccess(ctx, req, req.params.id, 'harm-assessment.prefill');
      const prefill = harmPrefill(await prefillResponses(ctx.db, access.patientId));
      await auditRead(ctx, req, access, 'harm-assessment.prefill', 'QuestionnaireResponse');
      return prefill;
    },
  );

  api.get(
    '/harm-assessments/:id',
    { config: { access: 'patient:read' }, schema: { tags: ['harm'], params: idParams } },
    async (req) => {
      const { row, access } = await visibleAssessment(req, req.params.id, 'harm-assessment.read');
      await auditRead(ctx, req, access, 'harm-assessment.read', 'HarmAssessment', row.id);
      return assessmentView(row, await packByContentVersion(ctx.db, row.content_version));
    },
  );

  api.post(
    '/harm-assessments/:id/replay',
    { config: { access: 'patient:read' }, schema: { tags: ['harm'], params: idParams } },
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
    {
      config: { access: 'patient:write' },
      schema: { tags: ['harm'], params: idParams, body: decisionSchema },
    },
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
      const reviewDue = reviewDueDate(
        now,
        reviewWithinDaysFor(req.body.confirmedLevel as LevelNumber, pack, row.evaluation),
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
        confirmedLevel: req.body.confirmedLevel,
        overridden,
        reviewDue,
        planInterventions: planInterventions(row, req.body.confirmedLevel as LevelNumber, pack),
      });
    },
  );
}

// A patient's harm assessments: save one (versioned, with re-assessment alerts), list them, and the prefill.
import { compareAssessments, harmPrefill } from '../../domain/harm/index.ts';
import { reassessmentTasks } from '../../domain/harm/reassessment-notices.ts';
import { saveAssessmentSchema } from '../../schemas/harm.ts';
import { patientIdParams } from '../../schemas/patient.ts';
import {
  insertAssessment,
  listAssessments,
  prefillResponses,
  raiseReassessmentAlerts,
} from '../../store/harm.ts';
import { assessmentView } from '../../store/harm-assessment-view.ts';
import { packByContentVersion, packInForce } from '../../store/harm-packs.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartRead, chartWrite } from '../route.ts';
import { evaluateOrRefuse } from '../harm-evaluation.ts';
import { patientAccess, patientRead } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { added, recordChange } from '../record-change.ts';
import { assessmentListReply, harmPrefillReply, savedAssessmentReply } from '../../schemas/replies/harm.ts';

export function patientHarmAssessmentRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/patients/:id/harm-assessments',
    chartWrite({ body: saveAssessmentSchema, 201: savedAssessmentReply }),
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
        const line = `Harm assessment${req.body.corrects ? ' (correction)' : ''}: proposed level ${evaluation.level} — ${evaluation.levelLabel}`;
        const details = { contentVersion: evaluation.contentVersion, proposedLevel: evaluation.level };
        await recordChange(req, tx, {
          ...added('harm-assessment', id, line, assessedAt),
          access,
          details,
          now,
        });
        // A new sentinel symptom, a new red flag or a rising level raises an alert and a task; how urgent each
        // is, what it says and who receives it are the domain's rules (reassessment-notices.ts).
        const tasks = reassessmentTasks(comparison?.alerts ?? [], {
          previous: previous?.recorded_by ?? null,
          current: auth.user.id,
        });
        const alertIds = await raiseReassessmentAlerts(tx, {
          patientId: access.patientId,
          serviceId: access.serviceId,
          assessmentId: id,
          tasks,
          at: now,
        });
        return { id, alertIds };
      });
      return reply.status(201).send({ id: saved.id, evaluation, comparison, alertIds: saved.alertIds });
    },
  );

  api.get('/patients/:id/harm-assessments', chartRead({ 200: assessmentListReply }), async (req) => {
    const access = await patientRead(ctx, req, req.params.id, 'harm-assessment.list', 'HarmAssessment');
    const rows = await listAssessments(ctx.db, access.patientId);
    const versions = [...new Set(rows.map((r) => r.content_version))];
    const packs = new Map(
      await Promise.all(versions.map(async (v) => [v, await packByContentVersion(ctx.db, v)] as const)),
    );
    return {
      assessments: rows.map((r, i) =>
        assessmentView(r, packs.get(r.content_version), i > 0 ? rows[i - 1] : undefined),
      ),
    };
  });

  api.get(
    '/patients/:id/harm-assessments/prefill',
    chartRead({
      description:
        'What a new harm assessment starts from: the latest PHQ-9 total, SDS total and a positive PHQ-9 item 9 (as suicidal thoughts), each with its source response and date; editable in the form.',
      params: patientIdParams,
      200: harmPrefillReply,
    }),
    async (req) => {
      const access = await patientRead(
        ctx,
        req,
        req.params.id,
        'harm-assessment.prefill',
        'QuestionnaireResponse',
      );
      const prefill = harmPrefill(await prefillResponses(ctx.db, access.patientId));
      return prefill;
    },
  );
}

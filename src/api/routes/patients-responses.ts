// Administered questionnaires on a patient's chart: save (scored, with safety alerts) and list with trend.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assessResponse } from '../../domain/instruments/registry.ts';
import { alertTaskRouting, responseAlerts } from '../../domain/instruments/safety-alerts.ts';
import type { Answers, InstrumentDefinition, ScoreResult } from '../../domain/instruments/types.ts';
import { storableString } from '../../schemas/common.ts';
import { saveResponseSchema } from '../../schemas/instruments.ts';
import { definitionsInForce } from '../../store/instruments.ts';
import { insertAlert, insertTask } from '../../store/alerts.ts';
import type { Queryable } from '../../store/db.ts';
import { insertResponse, listResponses } from '../../store/responses.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { chartRead, chartWrite } from '../route.ts';
import { patientAccess, patientRead } from '../patient-access.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';
import { instrumentOr404, scoreOrRefuse } from './instruments.ts';
import { responseListReply, savedResponseReply } from '../../schemas/replies/questionnaires.ts';

export interface RecordedResponse {
  id: string;
  result: ScoreResult;
  alertIds: string[];
  taskIds: string[];
}

/** Saves a scored response in the caller's transaction; safety flags raise an alert and a task, all audited. */
export async function recordResponse(
  tx: Queryable,
  req: FastifyRequest,
  r: {
    def: InstrumentDefinition;
    result: ScoreResult;
    answers: Answers;
    patientId: string;
    serviceId: string;
    completedAt: Date;
    now: Date;
    source: 'clinician' | 'self-report';
    recordedBy: string | null;
    selfReportLinkId?: string;
    flagged?: boolean;
  },
): Promise<RecordedResponse> {
  const answers: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(r.answers)) answers[k] = v ?? null;
  const id = await insertResponse(tx, {
    patientId: r.patientId,
    result: r.result,
    answers,
    completedAt: r.completedAt,
    source: r.source,
    recordedAt: r.now,
    recordedBy: r.recordedBy,
    ...(r.selfReportLinkId ? { selfReportLinkId: r.selfReportLinkId } : {}),
  });
  const band = r.result.band ? ` (${r.result.band.label})` : '';
  const score = r.result.total === null ? r.result.completeness : `score ${r.result.total}${band}`;
  await recordChange(req, tx, {
    action: 'response.create',
    resource: { type: 'QuestionnaireResponse', id },
    patientId: r.patientId,
    timeline: {
      kind: 'questionnaire',
      summary: `${r.def.shortTitle} ${r.source === 'self-report' ? 'self-reported' : 'recorded'}: ${score}`,
      occurredAt: r.completedAt,
    },
    flagged: r.flagged ?? false,
    details: { instrument: r.def.id, source: r.source },
    actorId: r.recordedBy,
    now: r.now,
  });
  const alertIds: string[] = [];
  const taskIds: string[] = [];
  const routing = alertTaskRouting({
    instrumentTitle: r.def.shortTitle,
    source: r.source,
    recordedBy: r.recordedBy,
  });
  for (const alert of responseAlerts(r.result, r.def.shortTitle)) {
    const alertId = await insertAlert(tx, {
      patientId: r.patientId,
      code: alert.code,
      severity: alert.severity,
      text: alert.text,
      sourceType: 'QuestionnaireResponse',
      sourceId: id,
      at: r.now,
    });
    const taskId = await insertTask(tx, {
      patientId: r.patientId,
      serviceId: r.serviceId,
      assignedTo: routing.assignedTo,
      title: alert.taskTitle,
      detail: routing.detail,
      priority: alert.taskPriority,
      sourceType: 'Alert',
      sourceId: alertId,
      at: r.now,
    });
    await recordChange(req, tx, {
      action: 'alert.raise',
      resource: { type: 'Alert', id: alertId },
      patientId: r.patientId,
      timeline: { kind: 'safety-alert', summary: alert.text, byRules: true },
      details: { code: alert.code, taskId },
      now: r.now,
    });
    alertIds.push(alertId);
    taskIds.push(taskId);
  }
  return { id, result: r.result, alertIds, taskIds };
}

export function patientResponseRoutes(api: ZodApp, ctx: AppContext): void {
  api.post(
    '/patients/:id/responses',
    chartWrite({ body: saveResponseSchema, 201: savedResponseReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const access = await patientAccess(ctx, req, req.params.id, 'response.create');
      const def = await instrumentOr404(ctx, req.body.instrument);
      const result = scoreOrRefuse(def, req.body.answers);
      const now = ctx.now();
      const completedAt = req.body.completedAt ? new Date(req.body.completedAt) : now;
      if (completedAt.getTime() > now.getTime() + 5 * 60_000) {
        throw problem('validation-failed', undefined, [
          { path: 'body.completedAt', message: 'Cannot be in the future' },
        ]);
      }
      const saved = await ctx.db.transaction((tx) =>
        recordResponse(tx, req, {
          def,
          result,
          answers: req.body.answers,
          patientId: access.patientId,
          serviceId: access.serviceId,
          completedAt,
          now,
          source: 'clinician',
          recordedBy: auth.user.id,
          flagged: access.breakGlass,
        }),
      );
      return reply
        .status(201)
        .send({ id: saved.id, result: saved.result, alertIds: saved.alertIds, taskIds: saved.taskIds });
    },
  );

  api.get(
    '/patients/:id/responses',
    chartRead({
      querystring: z.object({ instrument: storableString().max(64).optional() }).strict(),
      200: responseListReply,
    }),
    async (req) => {
      const access = await patientRead(ctx, req, req.params.id, 'response.list', 'QuestionnaireResponse');
      const rows = await listResponses(ctx.db, access.patientId, req.query.instrument);
      const defs = new Map((await definitionsInForce(ctx.db)).map((d) => [d.id, d]));
      // Baseline: the patient's first complete response to each instrument.
      const baseline = new Map<string, { id: string; total: number | null }>();
      for (const r of rows)
        if (r.completeness === 'complete' && !baseline.has(r.instrument_id))
          baseline.set(r.instrument_id, { id: r.id, total: r.total });
      return {
        responses: rows.map((r) => {
          const def = defs.get(r.instrument_id);
          const base = baseline.get(r.instrument_id);
          const isBaseline = base?.id === r.id;
          return {
            id: r.id,
            instrument: r.instrument_id,
            instrumentVersion: r.instrument_version,
            completedAt: r.completed_at.toISOString(),
            source: r.source,
            recordedBy: r.recorded_by ? { id: r.recorded_by, displayName: r.recorded_by_name ?? '' } : null,
            answers: r.answers,
            result: r.result,
            baselineId: base?.id ?? null,
            isBaseline,
            againstBaseline:
              def && base && !isBaseline && r.completeness === 'complete'
                ? {
                    baselineTotal: base.total,
                    ...assessResponse(base.total, r.total, def),
                    responseRule: def.response,
                    remissionRule: def.remission,
                  }
                : null,
          };
        }),
      };
    },
  );
}

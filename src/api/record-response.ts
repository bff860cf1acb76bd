// Scoring and saving one questionnaire response, with the alerts, tasks, timeline entry and audit it brings.
import type { FastifyRequest } from 'fastify';
import { scoreAnswers } from '../domain/instruments/engine.ts';
import { alertTaskRouting, responseAlerts } from '../domain/instruments/safety-alerts.ts';
import type { Answers, InstrumentDefinition, ScoreResult } from '../domain/instruments/types.ts';
import { insertAlert, insertTask } from '../store/alerts.ts';
import type { Queryable } from '../store/db.ts';
import { insertResponse } from '../store/responses.ts';
import { addTimelineEvent } from '../store/timeline.ts';
import { fromDomainProblems, problem } from './problem.ts';
import { recordChange } from './record-change.ts';

/** Scores answers, or throws a 422 problem naming each offending item (`body.answers.N`). */
export function scoreOrRefuse(def: InstrumentDefinition, answers: Answers, pathPrefix = 'body'): ScoreResult {
  const outcome = scoreAnswers(def, answers);
  if (!outcome.ok) {
    throw problem('validation-failed', undefined, fromDomainProblems(outcome.problems, pathPrefix));
  }
  return outcome.value;
}

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
    // The chart line names no actor: the rules raised the alert, not the person who recorded the response.
    await addTimelineEvent(tx, {
      patientId: r.patientId,
      occurredAt: r.now,
      kind: 'safety-alert',
      summary: alert.text,
      refType: 'Alert',
      refId: alertId,
    });
    await recordChange(req, tx, {
      action: 'alert.raise',
      resource: { type: 'Alert', id: alertId },
      patientId: r.patientId,
      details: { code: alert.code, taskId },
      now: r.now,
    });
    alertIds.push(alertId);
    taskIds.push(taskId);
  }
  return { id, result: r.result, alertIds, taskIds };
}

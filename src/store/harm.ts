// Harm assessments, clinicians' decisions, care plans and the worklists built from them.
import type { ReassessmentTask } from '../domain/harm/reassessment-notices.ts';
import {
  isReviewOverdue,
  type ChartResponse,
  type HarmAssessment,
  type HarmEvaluation,
  type LevelNumber,
} from '../domain/harm/index.ts';
import type { CarePlanContent, ReviewItem } from '../schemas/replies/harm.ts';
import { insertAlert, insertTask } from './alerts.ts';
import { insertRow, insertValues, rowExists, type Queryable } from './db.ts';

export interface AssessmentRow {
  id: string;
  patient_id: string;
  corrects: string | null;
  correction_reason: string | null;
  assessment: HarmAssessment;
  context: Record<string, string>;
  evaluation: HarmEvaluation;
  proposed_level: LevelNumber;
  content_version: string;
  assessed_at: Date;
  recorded_at: Date;
  recorded_by: string;
  recorded_by_name: string;
  decision_id: string | null;
  confirmed_level: LevelNumber | null;
  overridden: boolean | null;
  decision_reason: string | null;
  review_due: string | null;
  decided_at: Date | null;
  decided_by_name: string | null;
}

const SELECT_ASSESSMENT = `
  SELECT a.*, u.display_name AS recorded_by_name, d.id AS decision_id, d.confirmed_level, d.overridden,
         d.reason AS decision_reason, d.review_due, d.decided_at, du.display_name AS decided_by_name
  FROM harm_assessments a JOIN users u ON u.id = a.recorded_by
  LEFT JOIN harm_decisions d ON d.assessment_id = a.id LEFT JOIN users du ON du.id = d.decided_by`;

export async function insertAssessment(
  tx: Queryable,
  a: {
    patientId: string;
    assessment: HarmAssessment;
    context: Record<string, string>;
    evaluation: HarmEvaluation;
    assessedAt: Date;
    recordedAt: Date;
    recordedBy: string;
    corrects?: string;
    correctionReason?: string;
  },
): Promise<string> {
  return insertRow(tx, 'harm_assessments', {
    patient_id: a.patientId,
    corrects: a.corrects ?? null,
    correction_reason: a.correctionReason ?? null,
    assessment: JSON.stringify(a.assessment),
    context: JSON.stringify(a.context),
    evaluation: JSON.stringify(a.evaluation),
    proposed_level: a.evaluation.level,
    content_version: a.evaluation.contentVersion,
    assessed_at: a.assessedAt,
    recorded_at: a.recordedAt,
    recorded_by: a.recordedBy,
  });
}

export async function findAssessment(db: Queryable, id: string): Promise<AssessmentRow | undefined> {
  return (await db.query<AssessmentRow>(`${SELECT_ASSESSMENT} WHERE a.id = $1`, [id]))[0];
}

/** A patient's assessments, oldest first. */
export async function listAssessments(db: Queryable, patientId: string): Promise<AssessmentRow[]> {
  return db.query<AssessmentRow>(
    `${SELECT_ASSESSMENT} WHERE a.patient_id = $1 ORDER BY a.assessed_at, a.recorded_at`,
    [patientId],
  );
}

export async function insertDecision(
  tx: Queryable,
  d: {
    assessmentId: string;
    patientId: string;
    proposedLevel: number;
    confirmedLevel: number;
    reason: string | null;
    reviewDue: string;
    at: Date;
    by: string;
  },
): Promise<string> {
  return insertRow(tx, 'harm_decisions', {
    assessment_id: d.assessmentId,
    patient_id: d.patientId,
    proposed_level: d.proposedLevel,
    confirmed_level: d.confirmedLevel,
    overridden: d.confirmedLevel !== d.proposedLevel,
    reason: d.reason,
    review_due: d.reviewDue,
    decided_at: d.at,
    decided_by: d.by,
  });
}

/** Raises each re-assessment change as a chart alert with a task for its assignee; returns the alert ids. */
export async function raiseReassessmentAlerts(
  tx: Queryable,
  r: {
    patientId: string;
    serviceId: string;
    assessmentId: string;
    tasks: readonly ReassessmentTask[];
    at: Date;
  },
): Promise<string[]> {
  const alertIds: string[] = [];
  for (const task of r.tasks) {
    const alertId = await insertAlert(tx, {
      patientId: r.patientId,
      code: task.code,
      severity: task.severity,
      text: task.text,
      sourceType: 'HarmAssessment',
      sourceId: r.assessmentId,
      at: r.at,
    });
    await insertTask(tx, {
      patientId: r.patientId,
      serviceId: r.serviceId,
      assignedTo: task.assignedTo,
      title: task.taskTitle,
      detail: task.taskDetail,
      priority: task.taskPriority,
      sourceType: 'Alert',
      sourceId: alertId,
      at: r.at,
    });
    alertIds.push(alertId);
  }
  return alertIds;
}

/** True once a clinician has decided on the assessment (one decision each). */
export async function isDecided(db: Queryable, assessmentId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM harm_decisions WHERE assessment_id = $1', [assessmentId])).length > 0;
}

/** True when the decision exists and is about this patient. */
export function isDecisionOfPatient(db: Queryable, decisionId: string, patientId: string): Promise<boolean> {
  return rowExists(db, 'SELECT 1 FROM harm_decisions WHERE id = $1 AND patient_id = $2', [
    decisionId,
    patientId,
  ]);
}

export interface CarePlanRow {
  id: string;
  patient_id: string;
  version: number;
  plan: CarePlanContent;
  review_due: string;
  decision_id: string | null;
  reason: string | null;
  recorded_at: Date;
  recorded_by: string;
  recorded_by_name: string;
}

export async function listCarePlans(db: Queryable, patientId: string): Promise<CarePlanRow[]> {
  return db.query<CarePlanRow>(
    `SELECT c.*, u.display_name AS recorded_by_name FROM care_plans c JOIN users u ON u.id = c.recorded_by
     WHERE c.patient_id = $1 ORDER BY c.version DESC`,
    [patientId],
  );
}

export async function insertCarePlan(
  tx: Queryable,
  c: {
    patientId: string;
    plan: Record<string, unknown>;
    reviewDue: string;
    decisionId: string | null;
    reason: string | null;
    at: Date;
    by: string;
  },
): Promise<number> {
  const [next] = await tx.query<{ v: number }>(
    'SELECT COALESCE(max(version), 0) + 1 AS v FROM care_plans WHERE patient_id = $1',
    [c.patientId],
  );
  const version = next?.v ?? 1;
  await insertValues(tx, 'care_plans', {
    patient_id: c.patientId,
    version,
    plan: JSON.stringify(c.plan),
    review_due: c.reviewDue,
    decision_id: c.decisionId,
    reason: c.reason,
    recorded_at: c.at,
    recorded_by: c.by,
  });
  return version;
}

/** One review due or overdue (the reply shape of GET /harm/review-worklist). */
export type { ReviewItem };

/**
 * Reviews due within `horizonDays` or overdue, for patients in the given services: the review date is the one
 * set by the latest care plan or decision, and a review counts as done once a later assessment exists.
 */
export async function reviewWorklist(
  db: Queryable,
  serviceIds: string[],
  today: string,
  horizonDays: number,
): Promise<ReviewItem[]> {
  const rows = await db.query<{
    patient_id: string;
    given_name: string;
    family_name: string;
    level: number;
    review_due: string;
    key_worker: string | null;
  }>(
    `WITH latest_decision AS (
       SELECT DISTINCT ON (d.patient_id) d.patient_id, d.confirmed_level, d.review_due, d.decided_at, d.decided_by
       FROM harm_decisions d ORDER BY d.patient_id, d.decided_at DESC
     ), latest_plan AS (
       SELECT DISTINCT ON (c.patient_id) c.patient_id, c.review_due, c.recorded_at, c.plan->>'keyWorkerId' AS key_worker_id
       FROM care_plans c ORDER BY c.patient_id, c.version DESC
     )
     SELECT ld.patient_id, v.given_name, v.family_name, ld.confirmed_level AS level,
            (CASE WHEN lp.recorded_at > ld.decided_at THEN lp.review_due ELSE ld.review_due END)::text AS review_due,
            COALESCE(ku.display_name, du.display_name) AS key_worker
     FROM latest_decision ld
     JOIN patients p ON p.id = ld.patient_id
     JOIN patient_versions v ON v.patient_id = p.id AND v.version = p.current_version
     LEFT JOIN latest_plan lp ON lp.patient_id = ld.patient_id
     LEFT JOIN users ku ON ku.id::text = lp.key_worker_id
     LEFT JOIN users du ON du.id = ld.decided_by
     WHERE p.service_id = ANY($1::uuid[])
       AND NOT EXISTS (SELECT 1 FROM harm_assessments a WHERE a.patient_id = ld.patient_id AND a.recorded_at > ld.decided_at)
       AND (CASE WHEN lp.recorded_at > ld.decided_at THEN lp.review_due ELSE ld.review_due END) <= ($2::date + $3::int)
     ORDER BY review_due, v.family_name`,
    [serviceIds, today, horizonDays],
  );
  return rows.map((r) => ({
    patientId: r.patient_id,
    givenName: r.given_name,
    familyName: r.family_name,
    level: r.level,
    reviewDue: r.review_due,
    overdue: isReviewOverdue(r.review_due, today),
    keyWorker: r.key_worker,
  }));
}

/** A patient's PHQ-9 and SDS responses (what a new harm assessment may start from), newest first. */
export async function prefillResponses(db: Queryable, patientId: string): Promise<ChartResponse[]> {
  const rows = await db.query<{
    id: string;
    instrument_id: string;
    completed_at: Date;
    total: number | null;
    answers: Record<string, number | null>;
  }>(
    `SELECT id, instrument_id, completed_at, total, answers FROM questionnaire_responses
     WHERE patient_id = $1 AND instrument_id IN ('phq-9', 'sds')
     ORDER BY completed_at DESC, recorded_at DESC LIMIT 100`,
    [patientId],
  );
  return rows.map((r) => ({
    responseId: r.id,
    instrumentId: r.instrument_id,
    completedAt: r.completed_at.toISOString(),
    total: r.total,
    answers: r.answers,
  }));
}

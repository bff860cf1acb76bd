// The harm pathway's records as its routes write them: an assessment evaluated by the pack in force (with the
// re-assessment alerts the domain raises), the clinician's decision or override, and the care plan.
import {
  compareAssessments,
  planInterventionsFor,
  type EvaluatedAssessment,
  type HarmEvaluation,
  type LevelNumber,
  type ValidContentPack,
} from '../../domain/harm/index.ts';
import { reassessmentTasks } from '../../domain/harm/reassessment-notices.ts';
import { reviewDueDate, reviewWithinDaysFor } from '../../domain/harm/review-due.ts';
import type { Queryable } from '../../store/db.ts';
import {
  insertAssessment,
  insertCarePlan,
  insertDecision,
  raiseReassessmentAlerts,
} from '../../store/harm.ts';
import { addMinutes } from './clock.ts';
import { evaluateDemo } from './harm-content.ts';
import { recordDemoChange } from './record.ts';

/** The person's latest assessment, kept in memory for the next comparison. */
export interface PreviousAssessment extends EvaluatedAssessment {
  recordedBy: string;
}

export async function recordAssessment(
  tx: Queryable,
  a: {
    patientId: string;
    serviceId: string;
    raw: Record<string, unknown>;
    pack: ValidContentPack;
    previous: PreviousAssessment | undefined;
    assessedAt: Date;
    by: string;
  },
): Promise<{ id: string; evaluation: HarmEvaluation; current: PreviousAssessment }> {
  const { assessment, evaluation } = evaluateDemo(a.raw, a.pack);
  const now = addMinutes(a.assessedAt, 15);
  const comparison = a.previous ? compareAssessments(a.previous, { assessment, evaluation }) : null;
  const id = await insertAssessment(tx, {
    patientId: a.patientId,
    assessment,
    context: {},
    evaluation,
    assessedAt: a.assessedAt,
    recordedAt: now,
    recordedBy: a.by,
  });
  await recordDemoChange(tx, {
    action: 'harm-assessment.create',
    resource: { type: 'HarmAssessment', id },
    patientId: a.patientId,
    timeline: {
      kind: 'harm-assessment',
      summary: `Harm assessment: proposed level ${evaluation.level} — ${evaluation.levelLabel}`,
      occurredAt: a.assessedAt,
    },
    details: { contentVersion: evaluation.contentVersion, proposedLevel: evaluation.level },
    actorId: a.by,
    now,
  });
  const tasks = reassessmentTasks(comparison?.alerts ?? [], {
    previous: a.previous?.recordedBy ?? null,
    current: a.by,
  });
  await raiseReassessmentAlerts(tx, {
    patientId: a.patientId,
    serviceId: a.serviceId,
    assessmentId: id,
    tasks,
    at: now,
  });
  return { id, evaluation, current: { assessment, evaluation, recordedBy: a.by } };
}

export async function recordDecision(
  tx: Queryable,
  d: {
    assessmentId: string;
    patientId: string;
    evaluation: HarmEvaluation;
    pack: ValidContentPack;
    confirmed: LevelNumber;
    reason: string | null;
    at: Date;
    /** The service's clock: the review is counted from the day of the decision on it. */
    timeZone: string;
    by: string;
  },
): Promise<{ id: string; reviewDue: string }> {
  const proposed = d.evaluation.level;
  const overridden = d.confirmed !== proposed;
  const reviewDue = reviewDueDate(d.at, reviewWithinDaysFor(d.confirmed, d.pack, d.evaluation), d.timeZone);
  const id = await insertDecision(tx, {
    assessmentId: d.assessmentId,
    patientId: d.patientId,
    proposedLevel: proposed,
    confirmedLevel: d.confirmed,
    reason: overridden ? d.reason : null,
    reviewDue,
    at: d.at,
    by: d.by,
  });
  const verb = overridden
    ? `overridden to level ${d.confirmed} (proposed ${proposed})`
    : `accepted at level ${d.confirmed}`;
  await recordDemoChange(tx, {
    action: overridden ? 'harm-decision.override' : 'harm-decision.accept',
    resource: { type: 'HarmDecision', id },
    patientId: d.patientId,
    timeline: { kind: 'harm-decision', summary: `Level of need ${verb}; review by ${reviewDue}` },
    details: { proposedLevel: proposed, confirmedLevel: d.confirmed },
    actorId: d.by,
    now: d.at,
  });
  return { id, reviewDue };
}

const GOALS = [
  'Cut down to use on no more than two days a week',
  'Stop using ketamine',
  'Get bladder symptoms checked with the GP',
  'Not use alone; tell a friend before using',
  'Back to work or college',
  'Sleep through the night most nights',
];

/** A care plan version from the decision: the interventions the domain pre-fills, owned by the key worker. */
export async function recordCarePlan(
  tx: Queryable,
  c: {
    patientId: string;
    evaluation: HarmEvaluation;
    pack: ValidContentPack;
    confirmed: LevelNumber;
    decisionId: string;
    reviewDue: string;
    keyWorkerId: string;
    goals: number;
    version: number;
    at: Date;
  },
): Promise<number> {
  const ids = planInterventionsFor(c.evaluation, c.confirmed, c.pack);
  const interventions = ids.slice(0, 30).map((interventionId) => ({
    interventionId,
    ownerId: c.keyWorkerId,
    deliveryMode: 'one-to-one' as const,
  }));
  const goals = GOALS.slice(c.goals % 3, (c.goals % 3) + 2);
  const plan = { interventions, goals, keyWorkerId: c.keyWorkerId };
  const v = await insertCarePlan(tx, {
    patientId: c.patientId,
    plan,
    reviewDue: c.reviewDue,
    decisionId: c.decisionId,
    reason: c.version > 1 ? `Level of need now ${c.confirmed}; plan updated at review.` : null,
    at: c.at,
    by: c.keyWorkerId,
  });
  await recordDemoChange(tx, {
    action: 'care-plan.create',
    resource: { type: 'CarePlan', id: String(v) },
    patientId: c.patientId,
    timeline: {
      kind: 'care-plan',
      summary: `Care plan version ${v}: ${interventions.length} intervention(s); review by ${c.reviewDue}`,
    },
    actorId: c.keyWorkerId,
    now: c.at,
  });
  return v;
}

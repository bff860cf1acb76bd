// A version of a patient's care plan as a FHIR CarePlan, and its goals as Goals (pure).
import type { CarePlanVersionRow } from '../../store/fhir-harm.ts';
import type { CarePlan, CarePlanActivity, Goal } from './harm-types.ts';
import { INTERVENTION_SYSTEM } from './harm-codes.ts';
import { instant, meta, prune, ref, text } from './common.ts';

/** The id of the plan's n-th goal (1-based), derived from the plan's id. */
export const goalId = (planId: string, n: number): string => `${planId}-goal-${n}`;

function interventionActivity(i: CarePlanVersionRow['plan']['interventions'][number]): CarePlanActivity {
  return {
    detail: prune({
      code: { coding: [{ system: INTERVENTION_SYSTEM, code: i.interventionId }] },
      status: i.dueDate ? ('scheduled' as const) : ('not-started' as const),
      scheduledPeriod: i.dueDate ? { end: i.dueDate } : undefined,
      performer: i.ownerId ? [ref('Practitioner', i.ownerId)] : undefined,
      description: text(i.note),
    }),
  };
}

/**
 * One version of a care plan. R4 CarePlan has no review-date element, so the review is an activity "Care plan
 * review" scheduled to start on the review date (fhir.md §1.2).
 */
export function toFhirCarePlan(row: CarePlanVersionRow): CarePlan {
  const review: CarePlanActivity = {
    detail: {
      code: { text: 'Care plan review' },
      status: 'scheduled',
      scheduledPeriod: { start: row.review_due },
    },
  };
  return prune({
    resourceType: 'CarePlan' as const,
    id: row.plan_id,
    meta: meta(row.version, row.recorded_at),
    status: 'active' as const,
    intent: 'plan' as const,
    title: 'Harm pathway care plan',
    subject: ref('Patient', row.patient_id),
    period: { start: instant(row.started_at) },
    created: instant(row.started_at),
    author: { ...ref('Practitioner', row.recorded_by), display: row.recorded_by_name },
    contributor: row.plan.keyWorkerId ? [ref('Practitioner', row.plan.keyWorkerId)] : undefined,
    supportingInfo: row.decision_id ? [ref('ClinicalImpression', row.decision_id)] : undefined,
    goal: carePlanGoals(row).map((g) => ref('Goal', g.id)),
    activity: [...row.plan.interventions.map(interventionActivity), review],
    note: text(row.reason) ? [{ text: text(row.reason) ?? '', time: instant(row.recorded_at) }] : undefined,
  });
}

/** The goals of one care-plan version, each a Goal carrying that version's meta. */
export function carePlanGoals(row: CarePlanVersionRow): Goal[] {
  return (row.plan.goals ?? []).flatMap((g, i) => {
    const description = text(g);
    if (!description) return [];
    return [
      {
        resourceType: 'Goal' as const,
        id: goalId(row.plan_id, i + 1),
        meta: meta(row.version, row.recorded_at),
        lifecycleStatus: 'active' as const,
        description: { text: description },
        subject: ref('Patient', row.patient_id),
        startDate: instant(row.started_at).slice(0, 10),
      },
    ];
  });
}

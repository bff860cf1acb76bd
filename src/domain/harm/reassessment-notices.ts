// Re-assessment alerts: how urgent each change is, the alert and task it raises, and who receives the task.
import type { ReassessmentAlert } from './compare.ts';
import { SYMPTOM_LABELS, redFlagLabel } from './labels.ts';

/** Codes of the chart alerts a re-assessment raises. */
export type ReassessmentAlertCode = 'harm-new-symptom' | 'harm-new-red-flag' | 'harm-level-rose';

/** Alert severity on the chart. */
export type ReassessmentSeverity = 'warning' | 'urgent';

/** Priority of the key worker's task. */
export type ReassessmentTaskPriority = 'high' | 'urgent';

/** The chart alert and key-worker task one re-assessment change raises. */
export interface ReassessmentNotice {
  readonly code: ReassessmentAlertCode;
  readonly severity: ReassessmentSeverity;
  readonly taskPriority: ReassessmentTaskPriority;
  readonly text: string;
  readonly taskTitle: string;
  readonly taskDetail: string;
}

/**
 * A new sentinel symptom is a warning (a high-priority task); a new red flag or a rise in the level of need
 * is urgent, because the pack's red flags and level rises call for review within a day (level 4 review
 * interval, default pack) or sooner than the current plan.
 */
export function reassessmentNotice(alert: ReassessmentAlert): ReassessmentNotice {
  const text =
    alert.code === 'new-symptom'
      ? `New sentinel symptom since last assessment: ${SYMPTOM_LABELS[alert.symptom]}`
      : alert.code === 'new-red-flag'
        ? `New red flag: ${redFlagLabel(alert.redFlag)}`
        : `Level of need rose from ${alert.from} to ${alert.to}`;
  const urgent = alert.code !== 'new-symptom';
  return {
    code: `harm-${alert.code}`,
    severity: urgent ? 'urgent' : 'warning',
    taskPriority: urgent ? 'urgent' : 'high',
    text,
    taskTitle: `Re-assessment: ${text}`,
    taskDetail: 'Review the change and the care plan.',
  };
}

/** One re-assessment notice with the clinician its task goes to. */
export interface ReassessmentTask extends ReassessmentNotice {
  /** User id of the clinician the task is assigned to. */
  readonly assignedTo: string;
}

/** Who assessed the patient before and who is re-assessing now (user ids). */
export interface Assessors {
  /** The clinician who recorded the previous assessment; null for a first assessment. */
  readonly previous: string | null;
  readonly current: string;
}

/**
 * Who receives a re-assessment task: the clinician who assessed the patient last time (standing in for the
 * key worker, who knows the person's baseline), or the clinician re-assessing when there was no earlier one.
 */
export function reassessmentTaskAssignee(assessors: Assessors): string {
  return assessors.previous ?? assessors.current;
}

/** The alert and task each change raises, in the comparison's order, every task for the same clinician. */
export function reassessmentTasks(
  alerts: readonly ReassessmentAlert[],
  assessors: Assessors,
): ReassessmentTask[] {
  const assignedTo = reassessmentTaskAssignee(assessors);
  return alerts.map((alert) => ({ ...reassessmentNotice(alert), assignedTo }));
}

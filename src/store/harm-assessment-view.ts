// A saved harm assessment as the API sends it: the stored row with its decision, comparison and care-plan start.
import {
  compareAssessments,
  planInterventionsFor,
  provisionalOf,
  type HarmEvaluation,
  type LevelNumber,
  type ValidContentPack,
} from '../domain/harm/index.ts';
import type { AssessmentRow } from './harm.ts';

/**
 * A stored evaluation with the provisional fields filled in when it predates them (made before 2.0.0): they are
 * a pure function of the stored level and undecided rules, so adding them changes nothing the rules decided.
 */
export function withProvisional(stored: HarmEvaluation): HarmEvaluation {
  return { ...provisionalOf(stored.level, stored.undecided), ...stored };
}

/** The care plan's starting interventions for a decision, from the pack the proposal was made with. */
export function planInterventions(
  row: Pick<AssessmentRow, 'evaluation'>,
  confirmedLevel: LevelNumber,
  pack: ValidContentPack | undefined,
): string[] {
  if (!pack) return row.evaluation.interventions.map((i) => i.id);
  return planInterventionsFor(row.evaluation, confirmedLevel, pack);
}

/** One saved assessment; `previous` (the patient's assessment before it) adds the comparison. */
export function assessmentView(
  row: AssessmentRow,
  pack: ValidContentPack | undefined,
  previous?: AssessmentRow,
) {
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
          confirmedLevel: row.confirmed_level as LevelNumber,
          overridden: row.overridden ?? false,
          reason: row.decision_reason,
          reviewDue: row.review_due ?? '',
          decidedAt: row.decided_at?.toISOString() ?? null,
          decidedBy: row.decided_by_name,
          planInterventions: planInterventions(row, row.confirmed_level as LevelNumber, pack),
        }
      : null,
    comparison: previous ? compareAssessments(previous, row) : null,
  };
}

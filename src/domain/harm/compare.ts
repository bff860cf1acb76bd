// Re-assessment: what changed between two evaluated assessments, and what should alert the care team.
import type { HarmAssessment } from './assessment.ts';
import type { SymptomCode } from './codes.ts';
import type { HarmEvaluation } from './evaluation.ts';
import type { LevelNumber } from './pack-types.ts';

/** An assessment together with the evaluation stored for it. */
export interface EvaluatedAssessment {
  readonly assessment: HarmAssessment;
  readonly evaluation: HarmEvaluation;
}

/** Something the care team should see on re-assessment. */
export type ReassessmentAlert =
  | { readonly code: 'new-symptom'; readonly symptom: SymptomCode }
  | { readonly code: 'new-red-flag'; readonly redFlag: string }
  | { readonly code: 'level-rose'; readonly from: LevelNumber; readonly to: LevelNumber };

/** The difference between a previous and a current assessment. */
export interface AssessmentComparison {
  readonly newSymptoms: readonly SymptomCode[];
  readonly resolvedSymptoms: readonly SymptomCode[];
  readonly levelChange: 'up' | 'down' | 'same';
  readonly previousLevel: LevelNumber;
  readonly currentLevel: LevelNumber;
  readonly newRedFlags: readonly string[];
  /** True when the two evaluations used different content: a level change may come from the pack, not the person. */
  readonly contentVersionChanged: boolean;
  readonly alerts: readonly ReassessmentAlert[];
}

/**
 * Compares two evaluated assessments of one person. Every symptom reported is a sentinel symptom in the
 * shipped vocabulary, so each new symptom, each new red flag and any rise in level raises an alert.
 */
export function compareAssessments(
  previous: EvaluatedAssessment,
  current: EvaluatedAssessment,
): AssessmentComparison {
  const before = previous.assessment.symptoms.map((s) => s.code);
  const after = current.assessment.symptoms.map((s) => s.code);
  const newSymptoms = after.filter((code) => !before.includes(code));
  const resolvedSymptoms = before.filter((code) => !after.includes(code));
  const previousLevel = previous.evaluation.level;
  const currentLevel = current.evaluation.level;
  const levelChange = currentLevel > previousLevel ? 'up' : currentLevel < previousLevel ? 'down' : 'same';
  const newRedFlags = current.evaluation.redFlags.filter(
    (flag) => !previous.evaluation.redFlags.includes(flag),
  );
  const alerts: ReassessmentAlert[] = [
    ...newSymptoms.map((symptom) => ({ code: 'new-symptom' as const, symptom })),
    ...newRedFlags.map((redFlag) => ({ code: 'new-red-flag' as const, redFlag })),
    ...(levelChange === 'up' ? [{ code: 'level-rose' as const, from: previousLevel, to: currentLevel }] : []),
  ];
  return {
    newSymptoms,
    resolvedSymptoms,
    levelChange,
    previousLevel,
    currentLevel,
    newRedFlags,
    contentVersionChanged: previous.evaluation.contentVersion !== current.evaluation.contentVersion,
    alerts,
  };
}

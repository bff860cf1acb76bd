// The harm pathway's public API: validate a content pack, evaluate an assessment, compare re-assessments.
export type * from './assessment.ts';
export { parseAssessment } from './assessment-parse.ts';
export { isoDate, type IsoDate } from '../core/calendar.ts';
// The closed vocabularies of an assessment: every code list and its type.
export * from './codes.ts';
export { compareAssessments } from './compare.ts';
export { implausibleLabs, labPlausibility } from './lab-plausibility.ts';
export { harmPrefill } from './prefill.ts';
export { planInterventionsFor } from './plan-interventions.ts';
export { reassessmentNotice } from './reassessment-notices.ts';
export type {
  ReassessmentAlertCode,
  ReassessmentNotice,
  ReassessmentSeverity,
  ReassessmentTaskPriority,
} from './reassessment-notices.ts';
export {
  decisionSupervisionEntries,
  isReviewOverdue,
  overdueReviewEntry,
  supervisionKinds,
} from './supervision.ts';
export type { DecisionForSupervision, SupervisionEntry, SupervisionKind } from './supervision.ts';
export type { ChartResponse, HarmPrefill, PrefillField, PrefillSource } from './prefill.ts';
export type { LabPlausibility } from './lab-plausibility.ts';
export type { AssessmentComparison, EvaluatedAssessment, ReassessmentAlert } from './compare.ts';
export type { InputValue } from './condition-result.ts';
export { defaultPack, defaultPackContent, shippedPacks } from './default-pack.ts';
export { contentVersionOf, evaluateHarm } from './evaluate.ts';
export { starterVignettes } from './starter-vignettes.ts';
export type { StarterVignette } from './starter-vignettes.ts';
export type * from './evaluation.ts';
export { conditionKinds } from './pack-types.ts';
export { inputName, notRecordedSentence, provisionalOf } from './provisional.ts';
export type { Provisional } from './provisional.ts';
export type {
  BaselineReason,
  Condition,
  ContentPack,
  HarmDomain,
  HarmRule,
  Intervention,
  LevelDefinition,
  LevelNumber,
  PackSetting,
  Sourced,
  Threshold,
  ValidContentPack,
} from './pack-types.ts';
export { validateContentPack } from './pack-validate.ts';
export { certainties } from './problems.ts';
export type { Certainty, HarmProblem, HarmProblemCode, Outcome } from './problems.ts';

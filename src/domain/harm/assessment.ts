// The structured ketamine harm assessment (DESIGN.md contract), as read by the rules engine after validation.
import type { IsoDate } from '../core/calendar.ts';
import type { CoUseSubstance, RiskCode, Route, SymptomCode } from './codes.ts';

/** Pattern of ketamine use over the last 28 days (the TOP's recall window, harm.md §6). */
export interface UsePattern {
  /** Days with any use in the last 28, 0–28. */
  readonly daysUsedLast28: number;
  readonly routes: readonly Route[];
  readonly bingeing: boolean;
  readonly escalating: boolean;
  readonly lastUsed?: IsoDate;
  /** Free text as the person describes it ("about 1 g a night"); recorded, not read by any rule. */
  readonly typicalAmount?: string;
  readonly ageAtFirstUse?: number;
  readonly coUse?: readonly CoUseSubstance[];
}

/** One reported symptom. */
export interface ReportedSymptom {
  readonly code: SymptomCode;
  readonly onset?: IsoDate;
  /** Weeks the symptom has lasted since ketamine was stopped; absent when use has not stopped. */
  readonly persistsAfterStoppingWeeks?: number;
}

/** Questionnaire results already scored elsewhere (src/domain/instruments). */
export interface AssessmentMeasures {
  /** Severity of Dependence Scale total, 0–15 (harm.md §4). */
  readonly sdsTotal?: number;
  /** PHQ-9 total, 0–27. */
  readonly phq9Total?: number;
  /** True when the KASPR urinary checklist reported any symptom present. */
  readonly urinaryChecklistPositive?: boolean;
  /** TOP section 4: the person's rating of their psychological health, 0 (poor) to 20 (good) (harm.md §6). */
  readonly topPsychologicalHealth?: number;
  /** TOP section 4: the person's rating of their physical health, 0 (poor) to 20 (good) (harm.md §6). */
  readonly topPhysicalHealth?: number;
  /** TOP section 4: the person's rating of their overall quality of life, 0 (poor) to 20 (good) (harm.md §6). */
  readonly topQualityOfLife?: number;
}

/** Laboratory results, in the units named. */
export interface AssessmentLabs {
  /** Estimated GFR, mL/min/1.73 m². */
  readonly egfr?: number;
  readonly creatinineUmolL?: number;
  /** Alanine aminotransferase, U/L. */
  readonly alt?: number;
  /** Alkaline phosphatase, U/L. */
  readonly alp?: number;
  /** Urinalysis as reported (free text); recorded, not read by any rule. */
  readonly urinalysis?: string;
}

/** A validated harm assessment; make one with `parseAssessment`. */
export interface HarmAssessment {
  readonly use: UsePattern;
  readonly symptoms: readonly ReportedSymptom[];
  readonly risks: readonly RiskCode[];
  readonly measures?: AssessmentMeasures;
  readonly labs?: AssessmentLabs;
}

// The closed vocabularies of a harm assessment: symptom, risk, route and co-use codes, and the labs and measures rules read.

/**
 * Urinary-tract symptoms: the pack's urinary domain and its persistence rule read this one list (harm.md §2.1
 * Chan 2022, Winstock 2012, Hong 2018; §2.2 BNSSG clinical features, incl. flank (loin) pain and retention).
 */
export const urinarySymptomCodes = [
  'urinary-frequency',
  'urinary-urgency',
  'dysuria',
  'suprapubic-pain',
  'visible-haematuria',
  'urinary-retention',
  'incontinence',
  'loin-pain',
] as const;

/** Symptom codes an assessment may report (DESIGN.md harm assessment contract). */
export const symptomCodes = [
  ...urinarySymptomCodes,
  // Fever (e.g. with loin pain, a kidney infection that may lead to sepsis: harm.md §2.3, §3.3).
  'fever',
  'abdominal-pain',
  'jaundice',
  'memory-problems',
  'low-mood',
  'anxiety',
  'suicidal-ideation',
  'psychotic-symptoms',
  'dissociation-between-use',
] as const;

/** A reported symptom. */
export type SymptomCode = (typeof symptomCodes)[number];

/** Risk behaviours an assessment may record. */
export const riskCodes = [
  'use-alone',
  'use-in-water',
  'driving',
  'unsafe-setting',
  'sexual-risk',
  'exploitation',
  'injecting',
  'co-use-depressants',
] as const;

/** A recorded risk behaviour. */
export type RiskCode = (typeof riskCodes)[number];

/** Routes of ketamine use. */
export const routes = ['nasal', 'oral', 'injected', 'smoked', 'other'] as const;

/** A route of use. */
export type Route = (typeof routes)[number];

/**
 * Co-used substances the default pack counts as depressants (harm.md §3.5, §2.8; GHB/GBL is the pack's
 * synthesis [SYN]). Gabapentinoids are co-implicated in ketamine deaths (harm.md §2.8, KCL coroners' analysis [S]).
 */
export const depressantSubstances = [
  'alcohol',
  'ghb-gbl',
  'benzodiazepines',
  'opioids',
  'gabapentinoids',
  'other-depressants',
] as const;

/** Substances used alongside ketamine. */
export const coUseSubstances = [...depressantSubstances, 'stimulants', 'other'] as const;

/** A substance used alongside ketamine. */
export type CoUseSubstance = (typeof coUseSubstances)[number];

/** Numeric laboratory results a rule may compare against a threshold. */
export const labNames = ['egfr', 'creatinineUmolL', 'alt', 'alp'] as const;

/** A numeric laboratory result. */
export type LabName = (typeof labNames)[number];

/** Questionnaire totals a rule may compare against a threshold. */
export const measureNames = ['sdsTotal', 'phq9Total'] as const;

/** A questionnaire total. */
export type MeasureName = (typeof measureNames)[number];

/** Yes/no fields of an assessment a rule may test. */
export const flagFields = ['bingeing', 'escalating', 'urinaryChecklistPositive'] as const;

/** A yes/no field of an assessment. */
export type FlagField = (typeof flagFields)[number];

/** True when `value` is one of `allowed` (narrows the type). */
export function isOneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

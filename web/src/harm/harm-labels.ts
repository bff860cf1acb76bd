// Clinic wording for the harm assessment's closed vocabularies: symptoms, risks, routes, co-use and delivery modes.
import type { CoUseSubstance, RiskCode, Route, SymptomCode } from '../../../src/domain/harm/index.ts';
import type { DELIVERY_MODES } from '../../../src/schemas/harm.ts';

// Typed as complete records, so a code added on the server fails the build until it has a label here.
export const SYMPTOM_LABELS: Readonly<Record<SymptomCode, string>> = {
  'urinary-frequency': 'Urinary frequency',
  'urinary-urgency': 'Urinary urgency',
  dysuria: 'Pain passing urine (dysuria)',
  'suprapubic-pain': 'Pain above the pubic bone (suprapubic pain)',
  'visible-haematuria': 'Visible haematuria (blood in urine)',
  'urinary-retention': 'Urinary retention (cannot pass urine)',
  incontinence: 'Incontinence',
  'loin-pain': 'Loin (flank) pain',
  fever: 'Fever (raised temperature, or hot and shivery)',
  'abdominal-pain': 'Abdominal pain ("K-cramps")',
  jaundice: 'Jaundice (yellow skin or eyes)',
  'memory-problems': 'Memory problems',
  'low-mood': 'Low mood',
  anxiety: 'Anxiety',
  'suicidal-ideation': 'Suicidal thoughts',
  'psychotic-symptoms': 'Psychotic symptoms',
  'dissociation-between-use': 'Dissociation between uses',
};

export const RISK_LABELS: Readonly<Record<RiskCode, string>> = {
  'use-alone': 'Uses alone',
  'use-in-water': 'Uses in the bath or water',
  driving: 'Drives after use',
  'unsafe-setting': 'Uses in unsafe places (outdoors, cold, unfamiliar)',
  'sexual-risk': 'Sexual risk-taking',
  exploitation: 'Exploitation (criminal or sexual)',
  injecting: 'Injects',
  'co-use-depressants': 'Uses with other depressants',
};

export const ROUTE_LABELS: Readonly<Record<Route, string>> = {
  nasal: 'Nasal',
  oral: 'Oral',
  injected: 'Injected',
  smoked: 'Smoked',
  other: 'Other',
};

export const CO_USE_LABELS: Readonly<Record<CoUseSubstance, string>> = {
  alcohol: 'Alcohol',
  'ghb-gbl': 'GHB/GBL',
  benzodiazepines: 'Benzodiazepines',
  opioids: 'Opioids',
  gabapentinoids: 'Gabapentinoids (pregabalin, gabapentin)',
  'other-depressants': 'Other depressants',
  stimulants: 'Stimulants',
  other: 'Other',
};

export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const DELIVERY_MODE_LABELS: Readonly<Record<DeliveryMode, string>> = {
  'one-to-one': 'One to one',
  'group-programme': 'Group programme',
  mdt: 'Multidisciplinary team',
};

// Assessment paths a rule may find missing, in the form's own words.
const FIELD_LABELS: Readonly<Record<string, string>> = {
  'use.daysUsedLast28': 'Days used in the last 28',
  'use.coUse': 'Co-use',
  'use.bingeing': 'Bingeing',
  'use.escalating': 'Escalating use or tolerance',
  'use.lastUsed': 'Date last used',
  'measures.sdsTotal': 'SDS total',
  'measures.phq9Total': 'PHQ-9 total',
  'measures.topPsychologicalHealth': 'TOP psychological health',
  'measures.topPhysicalHealth': 'TOP physical health',
  'measures.topQualityOfLife': 'TOP overall quality of life',
  'measures.urinaryChecklistPositive': 'Urinary checklist',
  'labs.egfr': 'eGFR',
  'labs.creatinineUmolL': 'Creatinine',
  'labs.alt': 'ALT',
  'labs.alp': 'ALP',
};

/** "eGFR" for "labs.egfr"; the path itself when the form has no field of that name. */
export function fieldLabel(path: string): string {
  return FIELD_LABELS[path] ?? path;
}

/** The options of a <select> or checkbox group from a label record, in the server's code order. */
export function optionsOf<T extends string>(
  codes: readonly T[],
  labels: Readonly<Record<T, string>>,
): { value: T; label: string }[] {
  return codes.map((value) => ({ value, label: labels[value] }));
}

// Clinic wording for the harm assessment's closed vocabularies: symptoms, risks, routes, co-use and delivery modes.
export {
  CO_USE_LABELS,
  RISK_LABELS,
  ROUTE_LABELS,
  SYMPTOM_LABELS,
  redFlagLabel,
} from '../../../src/domain/harm/labels.ts';
import type { DELIVERY_MODES } from '../../../src/schemas/harm.ts';

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

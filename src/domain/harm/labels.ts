// Clinic wording for the harm assessment's closed vocabularies: symptoms, risks, routes and co-use (the form's labels,
// shared with the server so the alerts and tasks it writes name them the same way).
import type { CoUseSubstance, RiskCode, Route, SymptomCode } from './codes.ts';

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

/** "Suicidal thoughts" for a symptom code, and a red flag named by its symptom ("loin pain with fever" otherwise). */
export function redFlagLabel(code: string): string {
  return (SYMPTOM_LABELS as Readonly<Record<string, string>>)[code] ?? code.replaceAll('-', ' ');
}

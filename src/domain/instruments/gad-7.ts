// GAD-7 anxiety questionnaire: definition (text shipped, Pfizer) and scoring.
import { scoreAnswers } from './engine.ts';
import { labelledScale } from './item-helpers.ts';
import type { Answers, InstrumentDefinition, ScoreOutcome } from './types.ts';

const FREQUENCY = labelledScale([
  'Not at all',
  'Several days',
  'More than half the days',
  'Nearly every day',
]);

// Standard published wording (Spitzer, Kroenke, Williams, Löwe 2006; Pfizer Inc.), stem "Over the last 2 weeks,
// how often have you been bothered by the following problems?". Item LOINC codes in order per
// https://loinc.org/69729-2 (clinic.md §4 [V]).
const WORDING: readonly (readonly [text: string, loinc: string])[] = [
  ['Feeling nervous, anxious, or on edge', '69725-0'],
  ['Not being able to stop or control worrying', '68509-9'],
  ['Worrying too much about different things', '69733-4'],
  ['Trouble relaxing', '69734-2'],
  ['Being so restless that it is hard to sit still', '69735-9'],
  ['Becoming easily annoyed or irritable', '69689-8'],
  ['Feeling afraid as if something awful might happen', '69736-7'],
];

export const gad7: InstrumentDefinition = {
  id: 'gad-7',
  version: '1.0.0',
  title: 'Generalized Anxiety Disorder 7-item scale',
  shortTitle: 'GAD-7',
  recallPeriod: 'Past 2 weeks',
  // The published form's optional difficulty question is not in the domain notes (clinic.md §4 lists 7 items),
  // so it is not modelled here.
  items: WORDING.map(([text, loinc], i) => ({
    number: String(i + 1),
    code: `gad7-${String(i + 1)}`,
    label: `Item ${String(i + 1)}`,
    text,
    loinc: {
      code: loinc,
      source: 'clinic.md §4 GAD-7 items [V https://loinc.org/69729-2]',
      certainty: 'verified',
    },
    options: FREQUENCY,
    scored: true,
  })),
  scoring: { kind: 'sum', description: 'Sum of items 1–7 (each 0–3), 0–21.' },
  totalRange: { min: 0, max: 21, source: 'clinic.md §4 GAD-7 "Sum 0–21"', certainty: 'verified' },
  // GAD-7 cut points 5/10/15 = mild/moderate/severe (clinic.md §4 [V cds-platform GAD-7]). The notes name no
  // band below 5; it is labelled "below the mild cut point" rather than given a clinical name.
  bands: [
    { code: 'none-minimal', label: 'Below the mild cut point', min: 0, max: 4 },
    { code: 'mild', label: 'Mild', min: 5, max: 9 },
    { code: 'moderate', label: 'Moderate', min: 10, max: 14 },
    { code: 'severe', label: 'Severe', min: 15, max: 21 },
  ],
  bandsSource: { source: 'clinic.md §4 GAD-7: 5/10/15 = mild/moderate/severe [V]', certainty: 'verified' },
  flagRules: [
    {
      kind: 'total-at-least',
      atLeast: 10,
      code: 'gad7-further-evaluation',
      severity: 'info',
      text: 'GAD-7 total is 10 or more: further evaluation for an anxiety disorder is recommended.',
      source: 'clinic.md §4 GAD-7: "≥10 → further evaluation" [V]',
      certainty: 'verified',
    },
  ],
  response: {
    minDropFraction: 0.5,
    source: 'clinic.md §4 GAD-7: ≥50% drop [U convention]',
    certainty: 'convention',
  },
  remission: {
    cutoff: 5,
    comparator: '<',
    source: 'clinic.md §4 GAD-7: <5 [U convention]',
    certainty: 'convention',
  },
  citation:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092–7. Developed with an educational grant from Pfizer Inc.',
  licence: {
    textShipped: true,
    textLicensed: true,
    holder: 'Pfizer Inc.',
    note: 'Same terms as the PHQ-9: Pfizer (2010) made the PHQ and GAD-7 downloadable "without copyright restriction and at no charge". Ship with attribution.',
    source: 'clinic.md §4 GAD-7 licence column ("Same as PHQ-9") [V]',
    certainty: 'verified',
  },
  loinc: {
    panel: '69737-5',
    total: '70274-6',
    source: 'clinic.md §4: panel [V, Wikipedia infobox mirror]; total [V]',
    certainty: 'verified',
  },
  validated: true,
};

/** Scores GAD-7 answers (items "1".."7", each 0–3). */
export function score(answers: Answers): ScoreOutcome {
  return scoreAnswers(gad7, answers);
}

// PHQ-9 depression questionnaire: definition (text shipped, Pfizer) and scoring.
import { scoreAnswers } from './engine.ts';
import { labelledScale } from './item-helpers.ts';
import type { Answers, InstrumentDefinition, InstrumentItem, ScoreOutcome } from './types.ts';

const FREQUENCY = labelledScale([
  'Not at all',
  'Several days',
  'More than half the days',
  'Nearly every day',
]);
const DIFFICULTY = labelledScale([
  'Not difficult at all',
  'Somewhat difficult',
  'Very difficult',
  'Extremely difficult',
]);
const LOINC_ITEMS_V = 'clinic.md §4 PHQ-9 LOINC column [V https://cdn.loinc.org/44261-6]';
const LOINC_ITEMS_U = 'clinic.md §4 PHQ-9 LOINC column, marked [U]';

// Standard published wording (Spitzer, Williams, Kroenke; Pfizer Inc.), stem "Over the last 2 weeks, how often
// have you been bothered by any of the following problems?".
const WORDING: readonly (readonly [text: string, loinc: string])[] = [
  ['Little interest or pleasure in doing things', '44250-9'],
  ['Feeling down, depressed, or hopeless', '44255-8'],
  ['Trouble falling or staying asleep, or sleeping too much', '44259-0'],
  ['Feeling tired or having little energy', '44254-1'],
  ['Poor appetite or overeating', '44251-7'],
  [
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    '44258-2',
  ],
  ['Trouble concentrating on things, such as reading the newspaper or watching television', '44252-5'],
  [
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    '44253-3',
  ],
  ['Thoughts that you would be better off dead or of hurting yourself in some way', '44260-8'],
];

const items: InstrumentItem[] = [
  ...WORDING.map(([text, loinc], i): InstrumentItem => ({
    number: String(i + 1),
    code: `phq9-${String(i + 1)}`,
    label: `Item ${String(i + 1)}`,
    text,
    // Item LOINC codes: items 1–7 are [V] in clinic.md, items 8 and 9 are [U].
    loinc:
      i < 7
        ? { code: loinc, source: LOINC_ITEMS_V, certainty: 'verified' }
        : { code: loinc, source: LOINC_ITEMS_U, certainty: 'unverified' },
    options: FREQUENCY,
    scored: true,
  })),
  {
    number: '10',
    code: 'phq9-difficulty',
    label: 'Difficulty (not scored)',
    text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
    loinc: { code: '69722-7', source: LOINC_ITEMS_U, certainty: 'unverified' },
    options: DIFFICULTY,
    // "extra unscored difficulty item" (clinic.md §4): never counts towards the total or completeness.
    scored: false,
  },
];

export const phq9: InstrumentDefinition = {
  id: 'phq-9',
  version: '1.1.0',
  title: 'Patient Health Questionnaire-9',
  shortTitle: 'PHQ-9',
  recallPeriod: 'Past 2 weeks',
  items,
  scoring: {
    kind: 'sum',
    description: 'Sum of items 1–9 (each 0–3), 0–27. Item 10 (difficulty) is not scored.',
  },
  totalRange: { min: 0, max: 27, source: 'clinic.md §4 PHQ-9 "Sum 0–27"', certainty: 'verified' },
  // PHQ-9 bands per LOINC 44261-6 interpretation (1–4 minimal, 5–9, 10–14, 15–19, 20–27); a total of 0 is
  // folded into the lowest band because answer list LL382-3 labels 0–4 "none".
  bands: [
    { code: 'none-minimal', label: 'None–minimal', min: 0, max: 4 },
    { code: 'mild', label: 'Mild', min: 5, max: 9 },
    { code: 'moderate', label: 'Moderate', min: 10, max: 14 },
    { code: 'moderately-severe', label: 'Moderately severe', min: 15, max: 19 },
    { code: 'severe', label: 'Severe', min: 20, max: 27 },
  ],
  bandsSource: {
    source: 'LOINC 44261-6 interpretation and answer list LL382-3 (clinic.md §4) [V]',
    certainty: 'verified',
  },
  flagRules: [
    {
      kind: 'item-at-least',
      item: '9',
      atLeast: 1,
      code: 'phq9-item9-positive',
      severity: 'urgent',
      text: 'PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered above "Not at all": review safety before the next step of care.',
      source: 'clinic.md §4: "Flag any non-zero answer on item 9 for safety review" [U convention]',
      certainty: 'convention',
    },
    {
      // Patients often skip the suicide item; a prorated total must never stand in for asking it.
      kind: 'item-unanswered',
      item: '9',
      code: 'phq9-item9-unanswered',
      severity: 'warning',
      text: 'PHQ-9 item 9 (thoughts of being better off dead or of self-harm) not answered: ask directly and record the answer.',
      source:
        'KASPR convention (clinical-safety review 2026-12 §1 and §6 item 19: a skipped item 9 must prompt the clinician)',
      certainty: 'convention',
    },
  ],
  prorating: {
    maxMissing: 2,
    rounding: 'half-up',
    source:
      'NHS Data Dictionary, Patient Health Questionnaire: "If one or two values are missing … substituted with the average score of the non-missing items. Questionnaires with more than two missing values should be disregarded." (quoted in the clinical-safety review 2026-12 §1; not in clinic.md)',
    certainty: 'secondary',
    roundingSource: {
      source:
        'KASPR convention: the NHS rule states no rounding; the exact prorated total is rounded to the nearest whole number, halves up, so a half point never lowers the band',
      certainty: 'convention',
    },
  },
  response: {
    minDropFraction: 0.5,
    source: 'clinic.md §4: response ≥50% drop [V convention, Talati 2019]',
    certainty: 'convention',
  },
  remission: {
    cutoff: 5,
    comparator: '<',
    source: 'clinic.md §4: remission <5 [U convention]',
    certainty: 'convention',
  },
  citation:
    'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16:606–13. Developed by Drs Spitzer, Williams, Kroenke and colleagues with an educational grant from Pfizer Inc.',
  licence: {
    textShipped: true,
    textLicensed: true,
    holder: 'Pfizer Inc.',
    note: 'Copyright © Pfizer Inc. Pfizer (2010) made the PHQ and GAD-7 downloadable "without copyright restriction and at no charge". Ship with attribution.',
    source: 'clinic.md §4 PHQ-9 licence column [V news-medical.net 2010; LOINC]',
    certainty: 'verified',
  },
  loinc: {
    panel: '44249-1',
    total: '44261-6',
    source: 'clinic.md §4 [V https://cdn.loinc.org/44261-6]',
    certainty: 'verified',
  },
  validated: true,
};

/**
 * Scores PHQ-9 answers (items "1".."9" scored 0–3; "10" optional and unscored). One or two missing items are
 * prorated (NHS Data Dictionary); three or more give no total. A missing item 9 always raises a flag.
 */
export function score(answers: Answers): ScoreOutcome {
  return scoreAnswers(phq9, answers);
}

// C-SSRS screener: definition without item text, and the low/moderate/high triage (no total score).
import { scoreAnswers } from './engine.ts';
import { neutralItems } from './item-helpers.ts';
import type {
  Answers,
  AskedWhen,
  InstrumentDefinition,
  InstrumentItem,
  ScoreOutcome,
  Sourced,
  TriageRule,
} from './types.ts';

const SOURCE = 'clinic.md §4 C-SSRS Screener';
const YES_NO = [
  { score: 0, label: 'No' },
  { score: 1, label: 'Yes' },
];

// Published screener flow: questions 3–5 are asked only when question 2 is "yes"; question 6 is always asked.
const ASKED_IF_Q2_YES: AskedWhen = {
  item: '2',
  scoreIn: [1],
  source: 'Published C-SSRS screener flow (from the engineering brief; not written in clinic.md)',
  certainty: 'unverified',
};

const items: InstrumentItem[] = neutralItems('cssrs', 6, YES_NO).map((item): InstrumentItem => {
  if (item.number === '3' || item.number === '4' || item.number === '5')
    return { ...item, askedWhen: ASKED_IF_Q2_YES };
  if (item.number !== '6') return item;
  // Q6 asks about lifetime suicidal behaviour and, if yes, whether it was within the past 3 months.
  // KASPR encodes both answers in one ordinal value so that "within 3 months" implies "lifetime".
  return {
    ...item,
    options: [
      { score: 0, label: 'No' },
      { score: 1, label: 'Yes, lifetime, but not within the past 3 months' },
      { score: 2, label: 'Yes, within the past 3 months' },
    ],
  };
});

/** A triage rule: `level` is reached when any item in `atLeast` scores at least the number given for it. */
function reached(
  level: TriageRule['level'],
  atLeast: Readonly<Record<string, number>>,
  sourced: Sourced,
): TriageRule {
  return { level, anyOf: Object.entries(atLeast).map(([item, min]) => ({ item, atLeast: min })), ...sourced };
}

export const cssrsScreener: InstrumentDefinition = {
  id: 'cssrs-screener',
  version: '1.0.0',
  title: 'Columbia–Suicide Severity Rating Scale, screener',
  shortTitle: 'C-SSRS screener',
  recallPeriod: 'Past month (questions 1–5); lifetime and past 3 months (question 6)',
  items,
  scoring: {
    kind: 'triage',
    description:
      'No total score. Highest level reached: Q1 or Q2 yes → low; Q3 yes or Q6 lifetime → moderate; Q4 or Q5 yes, or Q6 within 3 months → high.',
    rules: [
      reached(
        'low',
        { '1': 1, '2': 1 },
        {
          source: `${SOURCE}: "One vendor's mapping: Q1/2 low" [V https://help.blueprint-health.com/…]`,
          certainty: 'secondary',
        },
      ),
      reached(
        'moderate',
        { '3': 1, '6': 1 },
        {
          source: `${SOURCE}: "One vendor's mapping: Q3/Q6 lifetime moderate" [V https://help.blueprint-health.com/…]`,
          certainty: 'secondary',
        },
      ),
      reached(
        'high',
        { '4': 1, '5': 1, '6': 2 },
        {
          source: `${SOURCE}: positive Q4 or Q5, or any behaviour in the past 3 months, means severe risk [V C-SSRS triage guidelines]`,
          certainty: 'verified',
        },
      ),
    ],
  },
  totalRange: null,
  bands: [],
  bandsSource: null,
  flagRules: [
    {
      kind: 'triage-level',
      level: 'moderate',
      code: 'cssrs-moderate',
      severity: 'warning',
      text: 'C-SSRS screener: moderate risk. Clinician review and safety planning are needed.',
      source: `${SOURCE}: vendor mapping [V blueprint-health]`,
      certainty: 'secondary',
    },
    {
      kind: 'triage-level',
      level: 'high',
      code: 'cssrs-high',
      severity: 'urgent',
      text: 'C-SSRS screener: high risk. Immediate evaluation and safety precautions are needed.',
      source: `${SOURCE}: "triggers immediate evaluation and safety precautions" [V C-SSRS triage guidelines]`,
      certainty: 'verified',
    },
  ],
  response: null,
  remission: null,
  citation:
    'Posner K, Brown GK, Stanley B, et al. The Columbia–Suicide Severity Rating Scale. Am J Psychiatry 2011;168:1266–77. Screener items per https://commondataelements.ninds.nih.gov/ (clinic.md §4).',
  licence: {
    textShipped: false,
    textLicensed: false,
    holder:
      'Research Foundation for Mental Hygiene (RFMH); Clario holds the exclusive licence for electronic implementations',
    note: 'Do not ship the item text without written permission. Electronic use needs a Clario sublicence, certification of each version and per-administration fees (clinic.md §4, §7: "C-SSRS only under licence").',
    source: `${SOURCE} licence column [V clario.com]`,
    certainty: 'verified',
  },
  loinc: {
    source: `${SOURCE}: a screener-specific LOINC panel is not confirmed [U]; 93245-9 is the full lifetime/recent C-SSRS, not this form`,
    certainty: 'unverified',
  },
  validated: true,
};

/** Triage C-SSRS screener answers: items "1".."5" are 0/1; item "6" is 0 no, 1 lifetime only, 2 within 3 months. */
export function score(answers: Answers): ScoreOutcome {
  return scoreAnswers(cssrsScreener, answers);
}

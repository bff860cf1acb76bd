// KASPR's own ketamine urinary symptom checklist: NON-VALIDATED, reports present sentinel symptoms, no severity.
import { scoreAnswers } from './engine.ts';
import type { Answers, InstrumentDefinition, InstrumentItem, ScoreOutcome } from './types.ts';

const PRESENT_ABSENT = [
  { score: 0, label: 'Absent' },
  { score: 1, label: 'Present' },
];

// Symptom list from harm.md §2.1–2.3: Hong 2018 (LUTS list), Chan 2022 (frequency, urgency, suprapubic pain),
// BNSSG ICB draft pathway (adds incontinence, haematuria, flank pain). The wording below is KASPR's own.
const SYMPTOMS: readonly (readonly [code: string, label: string, text: string])[] = [
  ['urinary-frequency', 'Urinary frequency', 'Needing to pass urine more often than usual'],
  ['urinary-urgency', 'Urinary urgency', 'Sudden strong urges to pass urine that are hard to hold'],
  ['dysuria', 'Dysuria', 'Pain or burning when passing urine'],
  ['suprapubic-pain', 'Suprapubic pain', 'Pain low in the tummy, above the pubic bone'],
  ['visible-haematuria', 'Visible haematuria', 'Blood you can see in the urine'],
  ['incontinence', 'Incontinence', 'Leaking urine or losing control of the bladder'],
  ['loin-pain', 'Loin pain', 'Pain in the side or back, below the ribs (loin or flank)'],
];

const items: InstrumentItem[] = SYMPTOMS.map(([code, label, text], i) => ({
  number: String(i + 1),
  code,
  label,
  text,
  options: PRESENT_ABSENT,
  scored: true,
  sentinelCode: code,
}));

export const ketamineUrinaryChecklist: InstrumentDefinition = {
  id: 'ketamine-urinary-checklist',
  version: '1.0.0',
  title: 'Ketamine urinary symptom checklist (KASPR local, NOT VALIDATED)',
  shortTitle: 'Urinary checklist (not validated)',
  recallPeriod: 'Since the last review (local convention; not validated)',
  items,
  scoring: {
    kind: 'checklist',
    description:
      'Each item 0 = absent, 1 = present. Reports the present symptom codes. No total and no severity band: none is validated (harm.md §2.2 "Staging or grading: not found").',
  },
  totalRange: null,
  bands: [],
  bandsSource: null,
  flagRules: [
    {
      kind: 'item-at-least',
      item: '5',
      atLeast: 1,
      code: 'red-flag-visible-haematuria',
      severity: 'urgent',
      text: 'Visible haematuria reported: a red flag. Exclude UTI and stones and consider urology referral under the local haematuria pathway (aged 45 and over via USC in the BNSSG draft).',
      source:
        'harm.md §2.2: BNSSG ICB "Ketamine Bladder – Draft" red flags, unexplained visible haematuria in adults [V, draft page]',
      certainty: 'verified',
    },
  ],
  response: null,
  remission: null,
  citation:
    'KASPR local checklist, not a published instrument. Symptoms from harm.md §2.1–2.3 (Chan 2022 HKMJ; Hong 2018 HKMJ; BNSSG ICB draft pathway).',
  licence: {
    textShipped: true,
    textLicensed: true,
    holder: 'KASPR project',
    note: 'Our own wording, shipped under the project licence.',
    source: 'KASPR',
    certainty: 'local',
  },
  loinc: { source: 'Local instrument: no LOINC code', certainty: 'local' },
  validated: false,
};

/** Lists present urinary sentinel symptoms (items "1".."7", 0 absent / 1 present) and the haematuria red flag. */
export function score(answers: Answers): ScoreOutcome {
  return scoreAnswers(ketamineUrinaryChecklist, answers);
}

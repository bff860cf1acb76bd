// QIDS-SR16 depression self-report: definition without item text, and the max/sum domain scoring.
import { scoreAnswers } from './engine.ts';
import { neutralItems, unlabelledScale } from './item-helpers.ts';
import { qidsItem12FlagRules } from './suicide-item-flags.ts';
import type { Answers, InstrumentDefinition, ScoreOutcome } from './types.ts';

const SOURCE = 'clinic.md §4 QIDS-SR16';
const ONE_OF_SOURCE =
  'QIDS-SR16 published self-report form instruction "either 6 or 7, either 8 or 9", per the clinical-safety review 2026-12 §1 (form not retrieved, §8; corroborated by one third-party implementation)';

export const qidsSr16: InstrumentDefinition = {
  id: 'qids-sr16',
  version: '1.2.0',
  title: 'Quick Inventory of Depressive Symptomatology, Self-Report (16 items)',
  shortTitle: 'QIDS-SR16',
  recallPeriod: 'Past 7 days',
  items: neutralItems('qids-sr16', 16, unlabelledScale(0, 3)),
  // Score = max(1–4) + 5 + max(6–9) + 10..14 + max(15–16), 0–27 (clinic.md §4 [V millisecond manual]).
  scoring: {
    kind: 'domain-sum',
    description: 'max(items 1–4) + item 5 + max(items 6–9) + items 10–14 + max(items 15–16), 0–27.',
    domains: [
      { code: 'max-items-1-4', combine: 'max', items: ['1', '2', '3', '4'] },
      { code: 'item-5', combine: 'sum', items: ['5'] },
      { code: 'max-items-6-9', combine: 'max', items: ['6', '7', '8', '9'] },
      { code: 'items-10-14', combine: 'sum', items: ['10', '11', '12', '13', '14'] },
      { code: 'max-items-15-16', combine: 'max', items: ['15', '16'] },
    ],
  },
  // The published self-report form asks for either item 6 or 7 (appetite down / up) and either item 8 or 9
  // (weight down / up), not both; the max-domain 6–9 takes whatever is answered.
  oneOfGroups: [
    { items: ['6', '7'], source: ONE_OF_SOURCE, certainty: 'unverified' },
    { items: ['8', '9'], source: ONE_OF_SOURCE, certainty: 'unverified' },
  ],
  totalRange: {
    min: 0,
    max: 27,
    source: `${SOURCE}: "giving 0–27" [V millisecond manual]`,
    certainty: 'verified',
  },
  bands: [
    { code: 'none', label: 'None', min: 0, max: 5 },
    { code: 'mild', label: 'Mild', min: 6, max: 10 },
    { code: 'moderate', label: 'Moderate', min: 11, max: 15 },
    { code: 'severe', label: 'Severe', min: 16, max: 20 },
    { code: 'very-severe', label: 'Very severe', min: 21, max: 27 },
  ],
  bandsSource: { source: `${SOURCE} bands [V millisecond manual]`, certainty: 'verified' },
  flagRules: qidsItem12FlagRules(),
  response: {
    minDropFraction: 0.5,
    source: `${SOURCE}: response ≥50% drop (untagged; general definition)`,
    certainty: 'convention',
  },
  remission: {
    cutoff: 5,
    comparator: '<=',
    source: `${SOURCE}: remission ≤5 [U convention]`,
    certainty: 'convention',
  },
  citation:
    'Rush AJ, Trivedi MH, Ibrahim HM, et al. The 16-item Quick Inventory of Depressive Symptomatology (QIDS). Biol Psychiatry 2003;54:573–83. Administration and scoring: http://ids-qids.org/administration.html.',
  licence: {
    textShipped: false,
    textLicensed: false,
    holder: 'QIDS copyright holder (IVR format exclusively licensed to Healthcare Technology Systems)',
    note: 'Paper versions may be used by clinicians without permission; whether electronic self-report in a software product is allowed is unclear. Ask the copyright holder. Services load the text themselves.',
    source: `${SOURCE} licence column [V docsbay quote; electronic use unclear]`,
    certainty: 'unverified',
  },
  loinc: { source: `${SOURCE}: LOINC not found [U]`, certainty: 'unverified' },
  validated: true,
};

/**
 * Scores QIDS-SR16 answers (items "1".."16", each 0–3) with the published max/sum domains. Only one item of
 * each of the groups 6/7 and 8/9 is required; a group with neither answered makes the response incomplete.
 */
export function score(answers: Answers): ScoreOutcome {
  return scoreAnswers(qidsSr16, answers);
}

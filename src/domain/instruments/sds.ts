// SDS (Severity of Dependence Scale): definition without item text, and scoring.
import { scoreAnswers } from './engine.ts';
import { neutralSumScale } from './item-helpers.ts';
import type { Answers, InstrumentDefinition, ScoreOutcome } from './types.ts';

const SOURCE = 'harm.md §4 SDS';

export const sds: InstrumentDefinition = {
  ...neutralSumScale('sds', 5, 3, 'Sum of items 1–5 (each 0–3), 0–15.'),
  id: 'sds',
  version: '1.0.0',
  title: 'Severity of Dependence Scale',
  shortTitle: 'SDS',
  // Original time frame past year; the ketamine validation (C-SDS-K, Tung 2014) used a past-month framing.
  recallPeriod: 'Past year (original); past month in the ketamine validation (C-SDS-K)',
  totalRange: {
    min: 0,
    max: 15,
    source: `${SOURCE}: total 0–15 (EMCDDA instrument page) [V]`,
    certainty: 'verified',
  },
  // Cut-offs are substance-specific and none is verified for ketamine, so no bands or flags are claimed.
  bands: [],
  bandsSource: null,
  flagRules: [],
  referenceCutoffs: [
    {
      population: 'ketamine',
      value: 4,
      comparator: '>=',
      source: `${SOURCE}: ≥4 attributed to Fernández-Calderón et al. 2016, seen only in third-party code [U]`,
      certainty: 'unverified',
      note: 'Not applied. Verify against the paper before using it as a flag.',
    },
    {
      population: 'amphetamine',
      value: 4,
      comparator: '>',
      source: `${SOURCE}: Topp & Mattick 1997 [V]`,
      certainty: 'verified',
    },
    {
      population: 'cocaine',
      value: 3,
      comparator: '>=',
      source: `${SOURCE}: Kaye & Darke 2002 [V]`,
      certainty: 'verified',
    },
  ],
  response: null,
  remission: null,
  citation:
    'Gossop M, Darke S, Griffiths P, et al. The Severity of Dependence Scale (SDS). Addiction 1995;90(5):607–14. Ketamine: Tung et al., East Asian Arch Psychiatry 2014 (C-SDS-K).',
  licence: {
    textShipped: false,
    textLicensed: false,
    holder: 'Authors / publisher (not confirmed)',
    note: 'No licence statement found. Widely reproduced in public-sector forms; confirm with the authors or publisher before shipping the wording.',
    source: `${SOURCE} licence column [U]`,
    certainty: 'unverified',
  },
  loinc: { source: `${SOURCE}: no LOINC code recorded in the domain notes`, certainty: 'unverified' },
  validated: true,
};

/** Scores SDS answers (items "1".."5", each 0–3). */
export function score(answers: Answers): ScoreOutcome {
  return scoreAnswers(sds, answers);
}

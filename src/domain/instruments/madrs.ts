// MADRS clinician-rated depression scale: definition without item text, and scoring.
import { scoreAnswers } from './engine.ts';
import { neutralSumScale } from './item-helpers.ts';
import { madrsItem10FlagRules } from './suicide-item-flags.ts';
import type { Answers, InstrumentDefinition, ScoreOutcome } from './types.ts';

const SOURCE = 'clinic.md §4 MADRS';

export const madrs: InstrumentDefinition = {
  // 10 clinician-rated items scored 0–6; anchors at 0/2/4/6 are licensed wording, so options carry no labels.
  ...neutralSumScale('madrs', 10, 6, 'Sum of items 1–10 (each 0–6), 0–60. Clinician-rated.'),
  id: 'madrs',
  version: '1.1.0',
  title: 'Montgomery–Åsberg Depression Rating Scale',
  shortTitle: 'MADRS',
  recallPeriod: 'Past week',
  totalRange: { min: 0, max: 60, source: `${SOURCE}: "Sum 0–60" [V]`, certainty: 'verified' },
  bands: [
    { code: 'normal', label: 'Normal / absent', min: 0, max: 6 },
    { code: 'mild', label: 'Mild', min: 7, max: 19 },
    { code: 'moderate', label: 'Moderate', min: 20, max: 34 },
    { code: 'severe', label: 'Severe', min: 35, max: 60 },
  ],
  bandsSource: {
    source: `${SOURCE}: 0–6 normal/absent, 7–19 mild, 20–34 moderate, 35–60 severe [V]`,
    certainty: 'verified',
  },
  flagRules: madrsItem10FlagRules(),
  response: {
    minDropFraction: 0.5,
    source: `${SOURCE}: response ≥50% drop [V Talati 2019]`,
    certainty: 'verified',
  },
  remission: {
    cutoff: 10,
    comparator: '<',
    source: `${SOURCE}: remission <10 (Hawley et al. 2002, PMID 12200208) [V]`,
    certainty: 'verified',
    note: 'Hawley found optimal cut-offs of <9 and <10; esketamine trials used ≤12 [U]. Services may need a configurable cut-off.',
  },
  citation:
    'Montgomery SA, Åsberg M. A new depression scale designed to be sensitive to change. Br J Psychiatry 1979;134:382–9.',
  licence: {
    textShipped: false,
    textLicensed: false,
    holder: 'Not established',
    note: 'A German FHIR implementation guide lists MADRS as "license required"; the status of the English original is unclear. Ship scoring only.',
    source: `${SOURCE} licence column [V simplifier.net; English original U]`,
    certainty: 'unverified',
  },
  loinc: { source: `${SOURCE}: LOINC not found [U]`, certainty: 'unverified' },
  validated: true,
};

/** Scores MADRS ratings (items "1".."10", each 0–6). */
export function score(answers: Answers): ScoreOutcome {
  return scoreAnswers(madrs, answers);
}

// CADSS dissociation scale (23-item version): definition without item text, and scoring.
import { scoreAnswers } from './engine.ts';
import { neutralSumScale } from './item-helpers.ts';
import type { Answers, InstrumentDefinition, ScoreOutcome } from './types.ts';

const SOURCE = 'clinic.md §4 CADSS';

export const cadss: InstrumentDefinition = {
  // Items scored 0–4 is [U] in clinic.md: made visible in totalRange.certainty below.
  ...neutralSumScale('cadss', 23, 4, 'Sum of items 1–23 (each 0–4 [U]), 0–92 [U].'),
  id: 'cadss',
  version: '1.0.0',
  title: 'Clinician-Administered Dissociative States Scale (23-item version)',
  shortTitle: 'CADSS',
  // The domain notes give no recall period; the rating is of the session being monitored.
  recallPeriod: 'Not stated in the domain notes: rate as the service protocol directs',
  totalRange: {
    min: 0,
    max: 92,
    source: `${SOURCE}: items 0–4 [U]; "0–92 for the 23-item version" [U]`,
    certainty: 'unverified',
  },
  // A safety measure, not for efficacy: no bands, response or remission are claimed.
  bands: [],
  bandsSource: null,
  flagRules: [],
  response: null,
  remission: null,
  citation:
    'Bremner JD, Krystal JH, Putnam FW, et al. Measurement of dissociative states with the Clinician-Administered Dissociative States Scale (CADSS). J Trauma Stress 1998;11(1):125–36. 23-item version as used in the ketamine/esketamine literature.',
  licence: {
    textShipped: false,
    textLicensed: false,
    holder: 'Not established (contact Dr Bremner, Emory)',
    note: 'Licence unknown; contact Dr Bremner. Do not ship the text.',
    source: `${SOURCE} licence column [U]`,
    certainty: 'unverified',
  },
  loinc: { source: `${SOURCE}: LOINC not found [U]`, certainty: 'unverified' },
  validated: true,
};

/** Scores CADSS-23 ratings (items "1".."23", each 0–4). */
export function score(answers: Answers): ScoreOutcome {
  return scoreAnswers(cadss, answers);
}

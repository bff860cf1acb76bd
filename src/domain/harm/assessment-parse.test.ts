import { describe, expect, it } from 'vitest';
import { parseAssessment } from './assessment-parse.ts';
import { assessmentJson, problemsOf, valueOf } from './test-fixtures.ts';

const use = assessmentJson().use;

describe('parseAssessment: valid input', () => {
  it('accepts a minimal assessment (no use, no symptoms, no risks)', () => {
    expect(valueOf(parseAssessment(assessmentJson()))).toEqual(assessmentJson());
  });

  it('accepts every optional field and keeps only what was given', () => {
    const json = assessmentJson({
      use: {
        daysUsedLast28: 28,
        routes: ['nasal', 'smoked'],
        lastUsed: '2026-11-20',
        typicalAmount: 'about 1 g',
        ageAtFirstUse: 17,
        coUse: ['ghb-gbl'],
      },
      symptoms: [{ code: 'dysuria', onset: '2024-02-29', persistsAfterStoppingWeeks: 0 }],
      risks: ['driving'],
      measures: {
        sdsTotal: 0,
        phq9Total: 27,
        urinaryChecklistPositive: false,
        topPsychologicalHealth: 0,
        topPhysicalHealth: 20,
        topQualityOfLife: 10,
      },
      labs: { egfr: 0, creatinineUmolL: 80, alt: 30, alp: 90, urinalysis: 'blood +' },
    });
    expect(valueOf(parseAssessment(json))).toEqual(json);
  });

  it('returns a copy, so later changes to the input do not change it', () => {
    const json = assessmentJson({ risks: ['driving'] });
    const parsed = valueOf(parseAssessment(json));
    json.risks.push('use-alone');
    expect(parsed.risks).toEqual(['driving']);
  });
});

describe('parseAssessment: refusals name the path', () => {
  it('not an object → wrong-type at assessment', () => {
    expect(problemsOf(parseAssessment([]))).toEqual([
      expect.objectContaining({ code: 'wrong-type', path: 'assessment', text: expect.any(String) }),
    ]);
  });

  /** Expects exactly one problem, of `code` at `assessment.<path>`, with a text. */
  const expectOneProblem = (json: unknown, code: string, path: string): void => {
    expect(problemsOf(parseAssessment(json))).toEqual([
      expect.objectContaining({ code, path: `assessment.${path}`, text: expect.any(String) }),
    ]);
  };

  it.each([
    ['use missing', { symptoms: [], risks: [] }, 'missing-field', 'use'],
    ['symptoms missing', { use, risks: [] }, 'missing-field', 'symptoms'],
    ['risks not a list', { use, symptoms: [], risks: 'driving' }, 'wrong-type', 'risks'],
    [
      'days missing',
      { use: { routes: [], bingeing: false, escalating: false }, symptoms: [], risks: [] },
      'missing-field',
      'use.daysUsedLast28',
    ],
    ['unknown top-level field', { ...assessmentJson(), notes: 'x' }, 'unknown-field', 'notes'],
  ])('%s → %s at assessment.%s', (_case, json, code, path) => {
    expectOneProblem(json, code, path);
  });

  // Each case: the changes to a minimal valid assessment that make it invalid.
  it.each<[string, Parameters<typeof assessmentJson>[0], string, string]>([
    ['days negative', { use: { daysUsedLast28: -1 } }, 'out-of-range', 'use.daysUsedLast28'],
    ['days 29', { use: { daysUsedLast28: 29 } }, 'out-of-range', 'use.daysUsedLast28'],
    ['days fractional', { use: { daysUsedLast28: 3.5 } }, 'not-integer', 'use.daysUsedLast28'],
    [
      'days as text',
      { use: { daysUsedLast28: '4' as unknown as number } },
      'wrong-type',
      'use.daysUsedLast28',
    ],
    ['unknown route', { use: { routes: ['nasal', 'rectal'] } }, 'unknown-code', 'use.routes.1'],
    ['repeated route', { use: { routes: ['oral', 'oral'] } }, 'duplicate-code', 'use.routes.1'],
    ['bingeing as text', { use: { bingeing: 'yes' as unknown as boolean } }, 'wrong-type', 'use.bingeing'],
    ['impossible last-used date', { use: { lastUsed: '2026-02-30' } }, 'invalid-date', 'use.lastUsed'],
    ['age at first use 130', { use: { ageAtFirstUse: 130 } }, 'out-of-range', 'use.ageAtFirstUse'],
    ['unknown co-use', { use: { coUse: ['caffeine'] } }, 'unknown-code', 'use.coUse.0'],
    ['blank typical amount', { use: { typicalAmount: ' ' } }, 'empty', 'use.typicalAmount'],
    [
      'unknown symptom',
      { symptoms: [{ code: 'dysuria' }, { code: 'nausea' }] },
      'unknown-code',
      'symptoms.1.code',
    ],
    ['symptom without code', { symptoms: [{ onset: '2026-01-01' }] }, 'missing-field', 'symptoms.0.code'],
    [
      'symptom not an object',
      { symptoms: ['dysuria' as unknown as Record<string, unknown>] },
      'wrong-type',
      'symptoms.0',
    ],
    [
      'symptom twice',
      { symptoms: [{ code: 'anxiety' }, { code: 'anxiety' }] },
      'duplicate-code',
      'symptoms.1.code',
    ],
    [
      'bad onset',
      { symptoms: [{ code: 'anxiety', onset: '01/02/2026' }] },
      'invalid-date',
      'symptoms.0.onset',
    ],
    [
      'negative persistence',
      { symptoms: [{ code: 'dysuria', persistsAfterStoppingWeeks: -1 }] },
      'out-of-range',
      'symptoms.0.persistsAfterStoppingWeeks',
    ],
    ['unknown risk', { risks: ['bungee'] }, 'unknown-code', 'risks.0'],
    ['SDS 16', { measures: { sdsTotal: 16 } }, 'out-of-range', 'measures.sdsTotal'],
    ['PHQ-9 28', { measures: { phq9Total: 28 } }, 'out-of-range', 'measures.phq9Total'],
    [
      'checklist as number',
      { measures: { urinaryChecklistPositive: 1 } },
      'wrong-type',
      'measures.urinaryChecklistPositive',
    ],
    [
      'TOP psychological health 21',
      { measures: { topPsychologicalHealth: 21 } },
      'out-of-range',
      'measures.topPsychologicalHealth',
    ],
    [
      'TOP physical health -1',
      { measures: { topPhysicalHealth: -1 } },
      'out-of-range',
      'measures.topPhysicalHealth',
    ],
    [
      'TOP quality of life 10.5',
      { measures: { topQualityOfLife: 10.5 } },
      'not-integer',
      'measures.topQualityOfLife',
    ],
    ['negative eGFR', { labs: { egfr: -5 } }, 'out-of-range', 'labs.egfr'],
    ['eGFR as text', { labs: { egfr: '59' } }, 'wrong-type', 'labs.egfr'],
    ['misspelt measure', { measures: { sdsTotl: 9 } }, 'unknown-field', 'measures.sdsTotl'],
  ])('%s → %s at assessment.%s', (_case, changes, code, path) => {
    expectOneProblem(assessmentJson(changes), code, path);
  });

  it('lists every problem at once, not just the first', () => {
    const json = assessmentJson({ use: { daysUsedLast28: 40 }, symptoms: [{ code: 'x' }], risks: ['y'] });
    expect(problemsOf(parseAssessment(json)).map((p) => p.path)).toEqual([
      'assessment.use.daysUsedLast28',
      'assessment.symptoms.0.code',
      'assessment.risks.0',
    ]);
  });
});

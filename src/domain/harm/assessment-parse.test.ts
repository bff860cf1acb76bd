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
  it.each([
    ['not an object', [], 'wrong-type', 'assessment'],
    ['use missing', { symptoms: [], risks: [] }, 'missing-field', 'assessment.use'],
    ['symptoms missing', { use, risks: [] }, 'missing-field', 'assessment.symptoms'],
    ['risks not a list', { use, symptoms: [], risks: 'driving' }, 'wrong-type', 'assessment.risks'],
    [
      'days missing',
      { use: { routes: [], bingeing: false, escalating: false }, symptoms: [], risks: [] },
      'missing-field',
      'assessment.use.daysUsedLast28',
    ],
    [
      'days negative',
      assessmentJson({ use: { daysUsedLast28: -1 } }),
      'out-of-range',
      'assessment.use.daysUsedLast28',
    ],
    [
      'days 29',
      assessmentJson({ use: { daysUsedLast28: 29 } }),
      'out-of-range',
      'assessment.use.daysUsedLast28',
    ],
    [
      'days fractional',
      assessmentJson({ use: { daysUsedLast28: 3.5 } }),
      'not-integer',
      'assessment.use.daysUsedLast28',
    ],
    [
      'days as text',
      assessmentJson({ use: { daysUsedLast28: '4' as unknown as number } }),
      'wrong-type',
      'assessment.use.daysUsedLast28',
    ],
    [
      'unknown route',
      assessmentJson({ use: { routes: ['nasal', 'rectal'] } }),
      'unknown-code',
      'assessment.use.routes.1',
    ],
    [
      'repeated route',
      assessmentJson({ use: { routes: ['oral', 'oral'] } }),
      'duplicate-code',
      'assessment.use.routes.1',
    ],
    [
      'bingeing as text',
      assessmentJson({ use: { bingeing: 'yes' as unknown as boolean } }),
      'wrong-type',
      'assessment.use.bingeing',
    ],
    [
      'impossible last-used date',
      assessmentJson({ use: { lastUsed: '2026-02-30' } }),
      'invalid-date',
      'assessment.use.lastUsed',
    ],
    [
      'age at first use 130',
      assessmentJson({ use: { ageAtFirstUse: 130 } }),
      'out-of-range',
      'assessment.use.ageAtFirstUse',
    ],
    [
      'unknown co-use',
      assessmentJson({ use: { coUse: ['caffeine'] } }),
      'unknown-code',
      'assessment.use.coUse.0',
    ],
    [
      'blank typical amount',
      assessmentJson({ use: { typicalAmount: ' ' } }),
      'empty',
      'assessment.use.typicalAmount',
    ],
    [
      'unknown symptom',
      assessmentJson({ symptoms: [{ code: 'dysuria' }, { code: 'nausea' }] }),
      'unknown-code',
      'assessment.symptoms.1.code',
    ],
    [
      'symptom without code',
      assessmentJson({ symptoms: [{ onset: '2026-01-01' }] }),
      'missing-field',
      'assessment.symptoms.0.code',
    ],
    [
      'symptom not an object',
      assessmentJson({ symptoms: ['dysuria' as unknown as Record<string, unknown>] }),
      'wrong-type',
      'assessment.symptoms.0',
    ],
    [
      'symptom twice',
      assessmentJson({ symptoms: [{ code: 'anxiety' }, { code: 'anxiety' }] }),
      'duplicate-code',
      'assessment.symptoms.1.code',
    ],
    [
      'bad onset',
      assessmentJson({ symptoms: [{ code: 'anxiety', onset: '01/02/2026' }] }),
      'invalid-date',
      'assessment.symptoms.0.onset',
    ],
    [
      'negative persistence',
      assessmentJson({ symptoms: [{ code: 'dysuria', persistsAfterStoppingWeeks: -1 }] }),
      'out-of-range',
      'assessment.symptoms.0.persistsAfterStoppingWeeks',
    ],
    ['unknown risk', assessmentJson({ risks: ['bungee'] }), 'unknown-code', 'assessment.risks.0'],
    [
      'SDS 16',
      assessmentJson({ measures: { sdsTotal: 16 } }),
      'out-of-range',
      'assessment.measures.sdsTotal',
    ],
    [
      'PHQ-9 28',
      assessmentJson({ measures: { phq9Total: 28 } }),
      'out-of-range',
      'assessment.measures.phq9Total',
    ],
    [
      'checklist as number',
      assessmentJson({ measures: { urinaryChecklistPositive: 1 } }),
      'wrong-type',
      'assessment.measures.urinaryChecklistPositive',
    ],
    [
      'TOP psychological health 21',
      assessmentJson({ measures: { topPsychologicalHealth: 21 } }),
      'out-of-range',
      'assessment.measures.topPsychologicalHealth',
    ],
    [
      'TOP physical health -1',
      assessmentJson({ measures: { topPhysicalHealth: -1 } }),
      'out-of-range',
      'assessment.measures.topPhysicalHealth',
    ],
    [
      'TOP quality of life 10.5',
      assessmentJson({ measures: { topQualityOfLife: 10.5 } }),
      'not-integer',
      'assessment.measures.topQualityOfLife',
    ],
    ['negative eGFR', assessmentJson({ labs: { egfr: -5 } }), 'out-of-range', 'assessment.labs.egfr'],
    ['eGFR as text', assessmentJson({ labs: { egfr: '59' } }), 'wrong-type', 'assessment.labs.egfr'],
    [
      'misspelt measure',
      assessmentJson({ measures: { sdsTotl: 9 } }),
      'unknown-field',
      'assessment.measures.sdsTotl',
    ],
    ['unknown top-level field', { ...assessmentJson(), notes: 'x' }, 'unknown-field', 'assessment.notes'],
  ])('%s → %s at %s', (_case, json, code, path) => {
    expect(problemsOf(parseAssessment(json))).toEqual([
      expect.objectContaining({ code, path, text: expect.any(String) }),
    ]);
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

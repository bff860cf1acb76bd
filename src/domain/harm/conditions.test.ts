import { describe, expect, it } from 'vitest';
import type { HarmAssessment } from './assessment.ts';
import { parseAssessment } from './assessment-parse.ts';
import { testCondition } from './conditions.ts';
import { defaultPack } from './default-pack.ts';
import type { Condition } from './pack-types.ts';
import { assessmentJson, valueOf, type AssessmentJson } from './test-fixtures.ts';

function test(
  condition: Condition,
  json: AssessmentJson = assessmentJson(),
): ReturnType<typeof testCondition> {
  const assessment: HarmAssessment = valueOf(parseAssessment(json));
  return testCondition(condition, assessment, defaultPack);
}

const haematuria: Condition = { kind: 'symptom-present', codes: ['visible-haematuria'] };
const egfrBelow60: Condition = { kind: 'lab-below', lab: 'egfr', value: 60 };
const bingeing: Condition = { kind: 'flag', field: 'bingeing' };

describe('testCondition: each kind', () => {
  it.each<[string, Condition, AssessmentJson, Record<string, unknown>]>([
    [
      'symptom-present',
      { kind: 'symptom-present', codes: ['dysuria', 'anxiety'] },
      assessmentJson({ symptoms: [{ code: 'low-mood' }, { code: 'anxiety' }] }),
      { 'symptoms.1.code': 'anxiety' },
    ],
    [
      'symptom-persists-weeks',
      { kind: 'symptom-persists-weeks', codes: ['dysuria'], weeks: 2 },
      assessmentJson({ symptoms: [{ code: 'dysuria', persistsAfterStoppingWeeks: 2 }] }),
      { 'symptoms.0.code': 'dysuria', 'symptoms.0.persistsAfterStoppingWeeks': 2 },
    ],
    [
      'days-used-at-least',
      { kind: 'days-used-at-least', days: 10 },
      assessmentJson({ use: { daysUsedLast28: 10 } }),
      { 'use.daysUsedLast28': 10 },
    ],
    [
      'flag (use)',
      { kind: 'flag', field: 'escalating' },
      assessmentJson({ use: { escalating: true } }),
      { 'use.escalating': true },
    ],
    [
      'flag (measures)',
      { kind: 'flag', field: 'urinaryChecklistPositive' },
      assessmentJson({ measures: { urinaryChecklistPositive: true } }),
      { 'measures.urinaryChecklistPositive': true },
    ],
    [
      'route-present',
      { kind: 'route-present', routes: ['smoked'] },
      assessmentJson({ use: { routes: ['nasal', 'smoked'] } }),
      { 'use.routes.1': 'smoked' },
    ],
    [
      'co-use-present',
      { kind: 'co-use-present', substances: ['ghb-gbl'] },
      assessmentJson({ use: { coUse: ['ghb-gbl'] } }),
      { 'use.coUse.0': 'ghb-gbl' },
    ],
    [
      'risk-present',
      { kind: 'risk-present', codes: ['driving'] },
      assessmentJson({ risks: ['use-alone', 'driving'] }),
      { 'risks.1': 'driving' },
    ],
    [
      'measure-at-least',
      { kind: 'measure-at-least', measure: 'phq9Total', value: 10 },
      assessmentJson({ measures: { phq9Total: 10 } }),
      { 'measures.phq9Total': 10 },
    ],
    ['lab-below', egfrBelow60, assessmentJson({ labs: { egfr: 59.99 } }), { 'labs.egfr': 59.99 }],
    [
      'lab-above',
      { kind: 'lab-above', lab: 'alt', value: 40 },
      assessmentJson({ labs: { alt: 40.5 } }),
      { 'labs.alt': 40.5 },
    ],
    [
      'domains-at-least',
      { kind: 'domains-at-least', count: 3 },
      assessmentJson({ symptoms: [{ code: 'dysuria' }, { code: 'jaundice' }, { code: 'anxiety' }] }),
      { 'symptoms.0.code': 'dysuria', 'symptoms.1.code': 'jaundice', 'symptoms.2.code': 'anxiety' },
    ],
  ])('%s holds and reports the inputs it used', (_kind, condition, json, inputs) => {
    expect(test(condition, json)).toMatchObject({ met: true, inputs, missing: [] });
  });

  it.each<[string, Condition, AssessmentJson]>([
    ['symptom-present', haematuria, assessmentJson({ symptoms: [{ code: 'dysuria' }] })],
    [
      'symptom-persists-weeks with no persistence recorded',
      { kind: 'symptom-persists-weeks', codes: ['dysuria'], weeks: 0 },
      assessmentJson({ symptoms: [{ code: 'dysuria' }] }),
    ],
    [
      'days-used-at-least one below',
      { kind: 'days-used-at-least', days: 10 },
      assessmentJson({ use: { daysUsedLast28: 9 } }),
    ],
    ['flag false', bingeing, assessmentJson()],
    ['lab-below at the limit', egfrBelow60, assessmentJson({ labs: { egfr: 60 } })],
    [
      'lab-above at the limit',
      { kind: 'lab-above', lab: 'alp', value: 130 },
      assessmentJson({ labs: { alp: 130 } }),
    ],
    [
      'domains-at-least one short',
      { kind: 'domains-at-least', count: 2 },
      assessmentJson({ symptoms: [{ code: 'dysuria' }, { code: 'incontinence' }] }),
    ],
  ])('%s does not hold, and reports no inputs', (_kind, condition, json) => {
    expect(test(condition, json)).toEqual({
      met: false,
      inputs: {},
      missing: [],
      settingsUsed: [],
      derived: {},
    });
  });

  it('lists the domains it found', () => {
    const found = test(
      { kind: 'domains-at-least', count: 2 },
      assessmentJson({ symptoms: [{ code: 'anxiety' }, { code: 'low-mood' }, { code: 'memory-problems' }] }),
    );
    expect(found.derived).toEqual({ domains: ['mental-health', 'cognitive'] });
  });

  it('reads a threshold from a pack setting and says so', () => {
    const sds: Condition = {
      kind: 'measure-at-least',
      measure: 'sdsTotal',
      value: { setting: 'sdsDependenceCutoff' },
    };
    expect(test(sds, assessmentJson({ measures: { sdsTotal: 4 } }))).toMatchObject({
      met: true,
      settingsUsed: ['sdsDependenceCutoff'],
    });
    expect(test(sds, assessmentJson({ measures: { sdsTotal: 3 } })).met).toBe(false);
  });

  it('never passes on a setting the pack does not have', () => {
    expect(
      test(
        { kind: 'days-used-at-least', days: { setting: 'nope' } },
        assessmentJson({ use: { daysUsedLast28: 28 } }),
      ).met,
    ).toBe(false);
  });
});

describe('testCondition: missing inputs', () => {
  it.each<[Condition, string]>([
    [egfrBelow60, 'labs.egfr'],
    [{ kind: 'measure-at-least', measure: 'sdsTotal', value: 4 }, 'measures.sdsTotal'],
    [{ kind: 'flag', field: 'urinaryChecklistPositive' }, 'measures.urinaryChecklistPositive'],
    [{ kind: 'co-use-present', substances: ['alcohol'] }, 'use.coUse'],
  ])('%j is undecided when %s is not recorded', (condition, path) => {
    expect(test(condition)).toMatchObject({ met: false, missing: [path] });
  });
});

describe('testCondition: any-of and all-of', () => {
  it('any-of holds when one holds, with that one’s inputs only', () => {
    const json = assessmentJson({ symptoms: [{ code: 'visible-haematuria' }] });
    expect(test({ kind: 'any-of', conditions: [bingeing, haematuria] }, json)).toMatchObject({
      met: true,
      inputs: { 'symptoms.0.code': 'visible-haematuria' },
    });
  });

  it('any-of that does not hold passes on what was missing', () => {
    expect(test({ kind: 'any-of', conditions: [bingeing, egfrBelow60] })).toMatchObject({
      met: false,
      missing: ['labs.egfr'],
    });
  });

  it('all-of holds only when all hold, and merges their inputs', () => {
    const json = assessmentJson({ use: { bingeing: true }, labs: { egfr: 50 } });
    expect(test({ kind: 'all-of', conditions: [bingeing, egfrBelow60] }, json)).toMatchObject({
      met: true,
      inputs: { 'use.bingeing': true, 'labs.egfr': 50 },
    });
  });

  it('all-of with one definitely false is decided, whatever else is missing', () => {
    expect(test({ kind: 'all-of', conditions: [bingeing, egfrBelow60] })).toEqual(
      expect.objectContaining({ met: false, missing: [] }),
    );
  });

  it('all-of whose only failure is a missing input is undecided', () => {
    const json = assessmentJson({ use: { bingeing: true } });
    expect(test({ kind: 'all-of', conditions: [bingeing, egfrBelow60] }, json)).toMatchObject({
      met: false,
      missing: ['labs.egfr'],
    });
  });

  it('nests', () => {
    const json = assessmentJson({ use: { bingeing: true, daysUsedLast28: 12 } });
    const nested: Condition = {
      kind: 'all-of',
      conditions: [
        bingeing,
        { kind: 'any-of', conditions: [haematuria, { kind: 'days-used-at-least', days: 12 }] },
      ],
    };
    expect(test(nested, json)).toMatchObject({
      met: true,
      inputs: { 'use.bingeing': true, 'use.daysUsedLast28': 12 },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { parseAssessment } from './assessment-parse.ts';
import { implausibleLabs } from './lab-plausibility.ts';
import { assessmentJson, valueOf } from './test-fixtures.ts';

function problemsFor(labs: Record<string, number>) {
  return implausibleLabs(valueOf(parseAssessment(assessmentJson({ labs }))));
}

describe('implausibleLabs: each range at its edges and one step either side', () => {
  it.each([
    ['creatinineUmolL', 19.9, false],
    ['creatinineUmolL', 20, true],
    ['creatinineUmolL', 2000, true],
    ['creatinineUmolL', 2000.1, false],
    ['egfr', 0.9, false],
    ['egfr', 1, true],
    ['egfr', 200, true],
    ['egfr', 200.1, false],
    ['alt', 2.9, false],
    ['alt', 3, true],
    ['alt', 10000, true],
    ['alt', 10001, false],
    ['alp', 9.9, false],
    ['alp', 10, true],
    ['alp', 5000, true],
    ['alp', 5001, false],
  ])('%s %s → plausible: %s', (lab, value, plausible) => {
    const problems = problemsFor({ [lab]: value });
    expect(problems.length === 0).toBe(plausible);
    if (!plausible)
      expect(problems[0]).toMatchObject({ code: 'implausible-value', path: `assessment.labs.${lab}` });
  });
});

describe('implausibleLabs: the message names the unit', () => {
  it('reads creatinine 1.4 as a likely mg/dL value and names µmol/L', () => {
    const [problem] = problemsFor({ creatinineUmolL: 1.4 });
    expect(problem?.text).toContain('µmol/L');
    expect(problem?.text).toContain('mg/dL');
    expect(problem?.text).toContain('about 124 µmol/L');
  });

  it('suggests µkat/L for a very low ALT, and names U/L', () => {
    const [problem] = problemsFor({ alt: 0.5 });
    expect(problem?.text).toMatch(/µkat\/L.*about 30 U\/L/);
  });

  it('names the unit without guessing a mistake for a value above the range', () => {
    const [problem] = problemsFor({ egfr: 900 });
    expect(problem?.text).toContain('mL/min/1.73 m²');
    expect(problem?.text).not.toContain('looks like');
  });

  it('lists every implausible lab at once and accepts an assessment without labs', () => {
    expect(problemsFor({ egfr: 0.5, creatinineUmolL: 1.4, alt: 40 }).map((p) => p.path)).toEqual([
      'assessment.labs.egfr',
      'assessment.labs.creatinineUmolL',
    ]);
    expect(implausibleLabs(valueOf(parseAssessment(assessmentJson())))).toEqual([]);
  });
});

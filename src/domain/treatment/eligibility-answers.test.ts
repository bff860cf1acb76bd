// Contraindication answers on an eligibility decision: Absent needs no judgement; Present or Unknown does.
import { describe, expect, it } from 'vitest';
import {
  contraindicationAnswerProblems,
  needsJudgement,
  statusOf,
  type ContraindicationAnswerInput,
} from './eligibility-answers.ts';

const absent = (code: string): ContraindicationAnswerInput => ({ code, present: false, status: 'absent' });

describe('contraindicationAnswerProblems', () => {
  it('accepts Absent without a judgement, in the new shape and the first one (present: false)', () => {
    expect(
      contraindicationAnswerProblems([
        absent('uncontrolled-hypertension'),
        { code: 'active-psychosis', present: false },
        { code: 'hypersensitivity', present: false, status: 'absent', judgement: '  ' },
      ]),
    ).toEqual([]);
  });

  it('refuses Present without a judgement, naming the contraindication and the field', () => {
    const problems = contraindicationAnswerProblems([
      absent('hypersensitivity'),
      { code: 'uncontrolled-hypertension', present: true, status: 'present', judgement: ' ' },
    ]);
    expect(problems).toEqual([
      {
        code: 'contraindication-judgement-required',
        path: 'contraindications.1.judgement',
        text: 'Uncontrolled hypertension is marked Present: record your clinical judgement on it.',
      },
    ]);
  });

  it('refuses Present in the first shape (no status) without a judgement', () => {
    expect(contraindicationAnswerProblems([{ code: 'active-psychosis', present: true }])).toMatchObject([
      { code: 'contraindication-judgement-required', path: 'contraindications.0.judgement' },
    ]);
  });

  it('refuses Unknown without a judgement, naming the contraindication', () => {
    const [problem, ...rest] = contraindicationAnswerProblems([
      { code: 'active-substance-use-disorder', present: false, status: 'unknown' },
    ]);
    expect(rest).toEqual([]);
    expect(problem?.text).toBe(
      'Active substance use disorder is marked Unknown: record your clinical judgement on it.',
    );
  });

  it('accepts Present and Unknown with a judgement', () => {
    expect(
      contraindicationAnswerProblems([
        { code: 'uncontrolled-hypertension', present: true, status: 'present', judgement: 'Controlled now' },
        {
          code: 'active-psychosis',
          present: false,
          status: 'unknown',
          judgement: 'Collateral history awaited',
        },
      ]),
    ).toEqual([]);
  });

  it('refuses a status that contradicts "present" (Unknown is not present)', () => {
    expect(
      contraindicationAnswerProblems([
        { code: 'active-psychosis', present: true, status: 'unknown', judgement: 'x' },
        { code: 'hypersensitivity', present: false, status: 'present', judgement: 'x' },
      ]).map((p) => [p.code, p.path]),
    ).toEqual([
      ['contraindication-status-disagrees', 'contraindications.0.status'],
      ['contraindication-status-disagrees', 'contraindications.1.status'],
    ]);
  });

  it('names an unlisted code by its code', () => {
    expect(contraindicationAnswerProblems([{ code: 'local-rule', present: true }])[0]?.text).toBe(
      'local-rule is marked Present: record your clinical judgement on it.',
    );
  });
});

describe('statusOf and needsJudgement', () => {
  it('reads the status from "present" when none was sent, and asks a judgement for all but Absent', () => {
    expect(statusOf({ code: 'x', present: true })).toBe('present');
    expect(statusOf({ code: 'x', present: false })).toBe('absent');
    expect(statusOf({ code: 'x', present: false, status: 'unknown' })).toBe('unknown');
    expect([needsJudgement('present'), needsJudgement('unknown'), needsJudgement('absent')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { failure, outcome, problem, success, type Outcome, type Problem } from './outcome.ts';

type Code = 'too-low' | 'missing-field';

describe('outcomes', () => {
  it('a problem carries its code, the field path and the sentence', () => {
    expect(problem<Code>('too-low', 'dose.mg', 'dose.mg is too low.')).toEqual({
      code: 'too-low',
      path: 'dose.mg',
      text: 'dose.mg is too low.',
    });
  });

  it('a success holds the value', () => {
    const result: Outcome<number, Code> = success(3);
    expect(result).toEqual({ ok: true, value: 3 });
  });

  it('a failure holds every problem, in order', () => {
    const problems: Problem<Code>[] = [
      problem('missing-field', 'a', 'a is required.'),
      problem('too-low', 'b', 'b is too low.'),
    ];
    const result: Outcome<number, Code> = failure(problems);
    expect(result).toEqual({ ok: false, problems });
  });

  it('gives the value when no problem was found', () => {
    expect(outcome<string, Code>([], () => 'made')).toEqual({ ok: true, value: 'made' });
  });

  it('refuses, without making the value, when any problem was found', () => {
    let made = false;
    const found = [problem<Code>('too-low', 'x', 'x is too low.')];
    const result = outcome(found, () => {
      made = true;
      return 1;
    });
    expect(result).toEqual({ ok: false, problems: found });
    expect(made).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { scoreAnswers } from './engine.ts';
import { gad7 } from './gad-7.ts';
import type { Answers } from './types.ts';

describe('scoreAnswers input checks', () => {
  it.each([null, [], 'answers'])('rejects %j as answers', (value) => {
    const outcome = scoreAnswers(gad7, value as unknown as Answers);
    expect(outcome).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'invalid-answers', path: 'answers' })],
    });
  });

  it.each([['2'], [true], [Number.POSITIVE_INFINITY]])(
    'rejects a non-number or non-finite answer %j',
    (value) => {
      const outcome = scoreAnswers(gad7, { '1': value } as unknown as Answers);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok)
        expect(outcome.problems).toEqual([
          expect.objectContaining({ code: 'answer-not-integer', path: 'answers.1' }),
        ]);
    },
  );

  it('accepts undefined as "not answered"', () => {
    const outcome = scoreAnswers(gad7, { '1': undefined });
    expect(outcome.ok && outcome.value.missingItems).toHaveLength(7);
  });

  it('is pure: the same answers give the same result and are not changed', () => {
    const answers = Object.freeze({ '1': 1, '2': 2, '3': 3, '4': 0, '5': 1, '6': 2, '7': 3 });
    expect(scoreAnswers(gad7, answers)).toEqual(scoreAnswers(gad7, answers));
  });
});

import { describe, expect, it } from 'vitest';
import { cadss, score } from './cadss.ts';
import { answersSummingTo, resultOf } from './test-fixtures.ts';

describe('CADSS (23-item) scoring', () => {
  it.each([0, 1, 46, 92])('sums to %i with no band', (total) => {
    const result = resultOf(score(answersSummingTo(total, 23, 4)));
    expect(result).toMatchObject({ total, band: null, flags: [], completeness: 'complete' });
  });

  it('gives incomplete with a null total when an item is missing (no prorating)', () => {
    const answers: Record<string, number> = answersSummingTo(0, 23, 4);
    delete answers['23'];
    expect(resultOf(score(answers))).toMatchObject({
      completeness: 'incomplete',
      total: null,
      missingItems: ['23'],
    });
  });

  it.each([
    [{ '24': 0 }, 'unknown-item', 'answers.24'],
    [{ '1': 5 }, 'answer-out-of-range', 'answers.1'],
    [{ '1': 0.5 }, 'answer-not-integer', 'answers.1'],
  ])('%j → %s at %s', (answers, code, path) => {
    const outcome = score(answers);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems).toEqual([expect.objectContaining({ code, path })]);
  });
});

describe('CADSS definition', () => {
  it('makes the [U] 0–4 item scale and 0–92 range visibly unverified', () => {
    expect(cadss.items).toHaveLength(23);
    expect(cadss.totalRange).toMatchObject({ min: 0, max: 92, certainty: 'unverified' });
  });

  it('is a safety measure: no bands, response or remission, and no text', () => {
    expect(cadss.bands).toEqual([]);
    expect(cadss.response).toBeNull();
    expect(cadss.remission).toBeNull();
    expect(cadss.licence.textShipped).toBe(false);
    expect(cadss.items.every((item) => item.text === undefined)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { score, sds } from './sds.ts';
import { answersFrom, answersSummingTo, resultOf } from './test-fixtures.ts';

describe('SDS scoring', () => {
  it.each([
    // Hand-worked examples: the domain notes give no published worked example.
    [[0, 0, 0, 0, 0], 0],
    [[1, 0, 2, 1, 0], 4],
    [[2, 1, 2, 1, 2], 8],
    [[3, 3, 3, 3, 3], 15],
  ])('%j totals %i', (scores, total) => {
    expect(resultOf(score(answersFrom(scores))).total).toBe(total);
  });

  it.each([0, 3, 4, 5, 15])(
    'claims no band and raises no flag at a total of %i (no ketamine cut-off is verified)',
    (total) => {
      const result = resultOf(score(answersSummingTo(total, 5, 3)));
      expect(result).toMatchObject({ total, band: null, flags: [], completeness: 'complete' });
    },
  );

  it('gives incomplete with a null total when an item is missing (no prorating)', () => {
    expect(resultOf(score(answersFrom([3, 3, 3, 3])))).toMatchObject({
      completeness: 'incomplete',
      total: null,
      missingItems: ['5'],
    });
  });

  it.each([
    [{ '6': 0 }, 'unknown-item', 'answers.6'],
    [{ '1': 4 }, 'answer-out-of-range', 'answers.1'],
    [{ '1': 1.5 }, 'answer-not-integer', 'answers.1'],
  ])('%j → %s at %s', (answers, code, path) => {
    const outcome = score(answers);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems).toEqual([expect.objectContaining({ code, path })]);
  });
});

describe('SDS definition', () => {
  it('ships no item text or answer wording, only neutral labels', () => {
    expect(sds.items.map((item) => item.label)).toEqual(['Item 1', 'Item 2', 'Item 3', 'Item 4', 'Item 5']);
    expect(sds.items.every((item) => item.text === undefined)).toBe(true);
    expect(sds.items.every((item) => item.options.every((o) => o.label === undefined))).toBe(true);
    expect(sds.licence).toMatchObject({ textShipped: false, textLicensed: false });
  });

  it('records the unverified ketamine cut-off for reference only', () => {
    expect(sds.referenceCutoffs?.find((c) => c.population === 'ketamine')).toMatchObject({
      value: 4,
      comparator: '>=',
      certainty: 'unverified',
    });
    expect(sds.flagRules).toEqual([]);
    expect(sds.response).toBeNull();
    expect(sds.remission).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { madrs, score } from './madrs.ts';
import { itBandsEach, itIsIncompleteWhenAnItemIsMissing, itTotalsEach } from './test-cases.ts';
import { answersFrom, answersSummingTo, resultOf } from './test-fixtures.ts';

describe('MADRS scoring', () => {
  itTotalsEach(score, '%j totals %i (%s)', [
    // Hand-worked examples: the domain notes give no published worked example.
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'normal'],
    [[1, 1, 1, 1, 1, 1, 1, 0, 0, 0], 7, 'mild'],
    [[2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 20, 'moderate'],
    [[4, 4, 4, 4, 4, 4, 4, 4, 2, 1], 35, 'severe'],
  ]);

  itBandsEach(score, (total) => answersSummingTo(total, 10, 6), 'puts a total of %i in band %s', [
    [0, 'normal'],
    [6, 'normal'],
    [7, 'mild'],
    [19, 'mild'],
    [20, 'moderate'],
    [34, 'moderate'],
    [35, 'severe'],
    [60, 'severe'],
  ]);

  it('accepts the in-between ratings 1, 3 and 5', () => {
    expect(resultOf(score(answersFrom([1, 3, 5, 0, 0, 0, 0, 0, 0, 0]))).total).toBe(9);
  });

  itIsIncompleteWhenAnItemIsMissing(score, answersFrom([6, 6, 6, 6, 6, 6, 6, 6, 6]), ['10']);
});

describe('MADRS definition', () => {
  it('has remission <10 (Hawley 2002) with the esketamine ≤12 alternative noted', () => {
    expect(madrs.remission).toMatchObject({ cutoff: 10, comparator: '<', certainty: 'verified' });
    expect(madrs.remission?.note).toContain('≤12');
    expect(madrs.response).toMatchObject({ minDropFraction: 0.5, certainty: 'verified' });
  });

  it('ships no text and no anchor labels', () => {
    expect(
      madrs.items.every(
        (item) => item.text === undefined && item.options.every((o) => o.label === undefined),
      ),
    ).toBe(true);
    expect(madrs.items[0]?.options.map((o) => o.score)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

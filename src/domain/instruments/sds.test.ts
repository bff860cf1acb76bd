import { describe, expect, it } from 'vitest';
import { score, sds } from './sds.ts';
import { itClaimsNoBandAtEach, itIsIncompleteWhenAnItemIsMissing } from './test-cases.ts';
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

  itClaimsNoBandAtEach(
    score,
    (total) => answersSummingTo(total, 5, 3),
    'claims no band and raises no flag at a total of %i (no ketamine cut-off is verified)',
    [0, 3, 4, 5, 15],
  );

  itIsIncompleteWhenAnItemIsMissing(score, answersFrom([3, 3, 3, 3]), ['5']);
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

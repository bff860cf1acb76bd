import { describe, expect, it } from 'vitest';
import { qidsSr16, score } from './qids-sr16.ts';
import { expectIncompleteWithout, itBandsEach, itTotalsEach } from './test-cases.ts';
import { answersFrom, resultOf } from './test-fixtures.ts';

/** QIDS answers from the five domain values: the first item of each max-domain carries the value. */
function fromDomains(
  sleep: number,
  item5: number,
  appetite: number,
  items10to14: readonly number[],
  psychomotor: number,
) {
  return answersFrom([sleep, 0, 0, 0, item5, appetite, 0, 0, 0, ...items10to14, psychomotor, 0]);
}

/** A QIDS answer set whose score is `total` (0–27): domains filled in order. */
function totalling(total: number): Record<string, number> {
  let left = total;
  const take = (max: number) => {
    const value = Math.min(max, left);
    left -= value;
    return value;
  };
  const sleep = take(3);
  const item5 = take(3);
  const appetite = take(3);
  const middle = [take(3), take(3), take(3), take(3), take(3)];
  return fromDomains(sleep, item5, appetite, middle, take(3));
}

describe('QIDS-SR16 scoring: max(1–4) + 5 + max(6–9) + 10..14 + max(15–16)', () => {
  itTotalsEach(score, '%j scores %i (%s)', [
    // Hand-worked: max(1,3,0,2)=3 + 2 + max(0,1,2,0)=2 + (1+1+0+2+1)=5 + max(0,1)=1 → 13
    [[1, 3, 0, 2, 2, 0, 1, 2, 0, 1, 1, 0, 2, 1, 0, 1], 13, 'moderate'],
    // Every item 3: 3 + 3 + 3 + 15 + 3 = 27, not the plain sum of 48
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 27, 'very-severe'],
    // Only the sleep items: max(3,3,3,3) = 3
    [[3, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 3, 'none'],
    // Only the appetite/weight items and 15–16: max(2,0,2,1)=2 + max(2,2)=2
    [[0, 0, 0, 0, 0, 2, 0, 2, 1, 0, 0, 0, 0, 0, 2, 2], 4, 'none'],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'none'],
  ]);

  itBandsEach(score, (total) => totalling(total), 'puts a score of %i in band %s', [
    [0, 'none'],
    [5, 'none'],
    [6, 'mild'],
    [10, 'mild'],
    [11, 'moderate'],
    [15, 'moderate'],
    [16, 'severe'],
    [20, 'severe'],
    [21, 'very-severe'],
    [27, 'very-severe'],
  ]);

  it('reports the five domain values as subscores', () => {
    const result = resultOf(score(answersFrom([1, 3, 0, 2, 2, 0, 1, 2, 0, 1, 1, 0, 2, 1, 0, 1])));
    expect(result.subscores).toEqual({
      'max-items-1-4': 3,
      'item-5': 2,
      'max-items-6-9': 2,
      'items-10-14': 5,
      'max-items-15-16': 1,
    });
  });
});

describe('QIDS-SR16 missing and invalid answers', () => {
  it('gives incomplete even when the missing item could not change a max-domain (no prorating rule in the notes)', () => {
    const answers: Record<string, number> = answersFrom([3, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    delete answers['2'];
    const result = resultOf(score(answers));
    expectIncompleteWithout(result, ['2']);
    expect(result.subscores?.['max-items-1-4']).toBeUndefined();
    expect(result.subscores?.['item-5']).toBe(1);
  });
});

describe('QIDS-SR16 "one of" groups (either item 6 or 7; either item 8 or 9)', () => {
  /** Every item 1 except the ones left out. */
  const without = (...blank: string[]) => {
    const all: Record<string, number> = answersFrom(Array.from({ length: 16 }, () => 1));
    return Object.fromEntries(Object.entries(all).filter(([item]) => !blank.includes(item)));
  };

  it('a form answered as printed (7 and 9 blank) is complete and scores the max-domain over what is answered', () => {
    const answers = { ...without('7', '9'), '6': 2, '8': 3 };
    const result = resultOf(score(answers));
    expect(result).toMatchObject({ completeness: 'complete', missingItems: [] });
    // max(1–4)=1 + 5=1 + max(6, 8)=3 + 10–14=5 + max(15–16)=1
    expect(result.total).toBe(11);
    expect(result.subscores?.['max-items-6-9']).toBe(3);
  });

  it.each([
    [['6', '9'], 'complete'],
    [['7', '8'], 'complete'],
    [['6', '8'], 'complete'],
    [[], 'complete'],
  ])('leaving %j blank is %s', (blank, completeness) => {
    const result = resultOf(score(without(...blank)));
    expect(result.completeness).toBe(completeness);
    expect(result.total).toBe(1 + 1 + 1 + 5 + 1);
  });

  it('both answered: the max-domain takes the higher', () => {
    expect(resultOf(score({ ...without(), '6': 0, '7': 3 })).total).toBe(11);
  });

  it.each([
    [
      ['6', '7'],
      ['6', '7'],
    ],
    [
      ['8', '9'],
      ['8', '9'],
    ],
    [
      ['6', '7', '8', '9'],
      ['6', '7', '8', '9'],
    ],
  ])('a group with neither answered (%j blank) is incomplete, listing the group', (blank, missing) => {
    const result = resultOf(score(without(...blank)));
    expect(result).toMatchObject({
      completeness: 'incomplete',
      total: null,
      band: null,
      missingItems: missing,
    });
    expect(result.subscores?.['max-items-6-9']).toBeUndefined();
  });

  it('records the groups with their source and certainty', () => {
    expect(qidsSr16.oneOfGroups?.map((g) => g.items)).toEqual([
      ['6', '7'],
      ['8', '9'],
    ]);
    expect(qidsSr16.oneOfGroups?.every((g) => g.source.length > 0 && g.certainty === 'unverified')).toBe(
      true,
    );
  });
});

describe('QIDS-SR16 definition', () => {
  it('ships 16 unlabelled items and no text', () => {
    expect(qidsSr16.items).toHaveLength(16);
    expect(qidsSr16.items.every((item) => item.text === undefined && item.label.startsWith('Item '))).toBe(
      true,
    );
    expect(qidsSr16.licence).toMatchObject({ textShipped: false, textLicensed: false });
  });

  it('marks remission ≤5 as convention', () => {
    expect(qidsSr16.remission).toMatchObject({ cutoff: 5, comparator: '<=', certainty: 'convention' });
  });
});

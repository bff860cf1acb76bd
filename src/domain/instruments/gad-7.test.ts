import { describe, expect, it } from 'vitest';
import { gad7, score } from './gad-7.ts';
import { itBandsEach, itIsIncompleteWhenAnItemIsMissing, itTotalsEach } from './test-cases.ts';
import { answersFrom, answersSummingTo, flagCodes } from './test-fixtures.ts';

describe('GAD-7 scoring', () => {
  itTotalsEach(score, '%j totals %i (%s)', [
    // Hand-worked examples: the domain notes give no published worked example.
    [[0, 0, 0, 0, 0, 0, 0], 0, 'none-minimal'],
    [[1, 1, 1, 1, 1, 0, 0], 5, 'mild'],
    [[2, 2, 2, 1, 1, 1, 1], 10, 'moderate'],
    [[3, 3, 3, 2, 2, 1, 1], 15, 'severe'],
  ]);

  itBandsEach(
    score,
    (total) => answersSummingTo(total, 7, 3),
    'puts a total of %i in band %s (cut points 5/10/15)',
    [
      [0, 'none-minimal'],
      [4, 'none-minimal'],
      [5, 'mild'],
      [9, 'mild'],
      [10, 'moderate'],
      [14, 'moderate'],
      [15, 'severe'],
      [21, 'severe'],
    ],
  );

  it.each([
    [9, []],
    [10, ['gad7-further-evaluation']],
    [21, ['gad7-further-evaluation']],
  ])('at a total of %i raises %j (≥10 → further evaluation)', (total, codes) => {
    expect(flagCodes(score(answersSummingTo(total, 7, 3)))).toEqual(codes);
  });
});

describe('GAD-7 missing and invalid answers', () => {
  itIsIncompleteWhenAnItemIsMissing(score, answersFrom([3, 3, 3, 3, 3, 3]), ['7'], { band: null, flags: [] });
});

describe('GAD-7 definition', () => {
  it('ships the seven items in published order with their LOINC codes', () => {
    expect(gad7.items.map((item) => item.loinc?.code)).toEqual([
      '69725-0',
      '68509-9',
      '69733-4',
      '69734-2',
      '69735-9',
      '69689-8',
      '69736-7',
    ]);
    expect(gad7.items[1]?.text).toBe('Not being able to stop or control worrying');
    expect(gad7.loinc).toMatchObject({ panel: '69737-5', total: '70274-6' });
    expect(gad7.licence).toMatchObject({ textShipped: true, holder: 'Pfizer Inc.' });
  });

  it('marks response and remission as convention', () => {
    expect(gad7.response).toMatchObject({ minDropFraction: 0.5, certainty: 'convention' });
    expect(gad7.remission).toMatchObject({ cutoff: 5, comparator: '<', certainty: 'convention' });
  });
});

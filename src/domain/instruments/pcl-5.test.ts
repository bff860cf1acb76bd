import { describe, expect, it } from 'vitest';
import { pcl5, provisionalCutoff, score } from './pcl-5.ts';
import { expectIncompleteWithout } from './test-cases.ts';
import { answersFrom, answersSummingTo, flagCodes, resultOf } from './test-fixtures.ts';

/** Answers with the listed items at `value` and every other item 0. */
function withItems(items: readonly number[], value: number): Record<string, number> {
  return answersFrom(Array.from({ length: 20 }, (_, i) => (items.includes(i + 1) ? value : 0)));
}

describe('PCL-5 total and provisional cut-point', () => {
  it.each([
    [0, []],
    [30, []],
    [31, ['probable-ptsd']],
    [33, ['probable-ptsd']],
    [80, ['probable-ptsd']],
  ])('a total of %i gives probable-ptsd flags %j', (total, codes) => {
    const result = resultOf(score(answersSummingTo(total, 20, 4)));
    expect(result.total).toBe(total);
    expect(result.flags.filter((flag) => flag.code === 'probable-ptsd').map((f) => f.code)).toEqual(codes);
  });

  it('claims no severity band at any total ("No empirically derived severity bands")', () => {
    expect(pcl5.bands).toEqual([]);
    expect(resultOf(score(answersSummingTo(80, 20, 4))).band).toBeNull();
    expect(resultOf(score(answersSummingTo(0, 20, 4))).band).toBeNull();
  });

  it('makes the cut-point a visible, sourced property at the lower bound of 31–33', () => {
    expect(provisionalCutoff).toMatchObject({ value: 31, comparator: '>=' });
    expect(provisionalCutoff.source).toContain('31–33');
    expect(pcl5.provisionalCutoff).toBe(provisionalCutoff);
    expect(pcl5.flagRules[0]).toMatchObject({
      kind: 'total-at-least',
      atLeast: 31,
      code: 'probable-ptsd',
      severity: 'warning',
    });
  });
});

describe('PCL-5 DSM-5 cluster rule (item ≥2 endorsed; ≥1 B, ≥1 C, ≥2 D, ≥2 E)', () => {
  it.each([
    ['the minimum pattern: items 1, 6, 8, 9, 15, 16', [1, 6, 8, 9, 15, 16], 2, true],
    ['no B item', [6, 8, 9, 15, 16], 2, false],
    ['no C item', [1, 8, 9, 15, 16], 2, false],
    ['only one D item', [1, 6, 8, 15, 16], 2, false],
    ['only one E item', [1, 6, 8, 9, 15], 2, false],
    ['the minimum pattern rated 1 (not endorsed)', [1, 6, 8, 9, 15, 16], 1, false],
    ['the minimum pattern rated 4', [1, 6, 8, 9, 15, 16], 4, true],
  ])('%s → met: %s', (_name, items, value, met) => {
    const result = resultOf(score(withItems(items, value)));
    expect(result.subscores?.['cluster-rule-met']).toBe(met ? 1 : 0);
    expect(result.flags.some((flag) => flag.code === 'pcl5-dsm5-cluster-rule-met')).toBe(met);
  });

  it('can be met below the provisional cut-point (total 12): the two results are independent', () => {
    const result = resultOf(score(withItems([1, 6, 8, 9, 15, 16], 2)));
    expect(result.total).toBe(12);
    expect(result.flags.map((flag) => flag.code)).toEqual(['pcl5-dsm5-cluster-rule-met']);
  });

  it('reports cluster severities and endorsed counts as subscores', () => {
    // B: 4+3+2+1+0 = 10 (3 endorsed); C: 2+2 = 4 (2); D: 1×7 = 7 (0); E: 3+3+0+0+0+0 = 6 (2)
    const answers = answersFrom([4, 3, 2, 1, 0, 2, 2, 1, 1, 1, 1, 1, 1, 1, 3, 3, 0, 0, 0, 0]);
    const result = resultOf(score(answers));
    expect(result.total).toBe(27);
    expect(result.subscores).toEqual({
      'cluster-B-severity': 10,
      'cluster-B-endorsed': 3,
      'cluster-C-severity': 4,
      'cluster-C-endorsed': 2,
      'cluster-D-severity': 7,
      'cluster-D-endorsed': 0,
      'cluster-E-severity': 6,
      'cluster-E-endorsed': 2,
      'cluster-rule-met': 0,
    });
    expect(flagCodes(score(answers))).toEqual([]);
  });
});

describe('PCL-5 missing and invalid answers (no prorating)', () => {
  it('gives incomplete with a null total, and withholds subscores of unfinished clusters', () => {
    const answers: Record<string, number> = answersSummingTo(80, 20, 4);
    delete answers['20'];
    const result = resultOf(score(answers));
    expectIncompleteWithout(result, ['20']);
    expect(result.subscores?.['cluster-E-severity']).toBeUndefined();
    expect(result.subscores?.['cluster-B-severity']).toBe(20);
    expect(result.flags.map((flag) => flag.code)).not.toContain('probable-ptsd');
  });

  it('still reports a cluster rule already met by the answered items', () => {
    const answers: Record<string, number> = withItems([1, 6, 8, 9, 15, 16], 2);
    delete answers['20'];
    const result = resultOf(score(answers));
    expect(result.completeness).toBe('incomplete');
    expect(result.subscores?.['cluster-rule-met']).toBe(1);
    expect(result.flags.map((flag) => flag.code)).toEqual(['pcl5-dsm5-cluster-rule-met']);
  });

  it('does not claim "not met" while items are missing', () => {
    const result = resultOf(score({ '1': 4 }));
    expect(result.subscores?.['cluster-rule-met']).toBeUndefined();
  });
});

describe('PCL-5 definition', () => {
  it('ships 20 items in four clusters with the published answer labels', () => {
    expect(pcl5.items.map((item) => item.cluster).join('')).toBe('BBBBBCCDDDDDDDEEEEEE');
    expect(pcl5.items[0]?.options.map((o) => o.label)).toEqual([
      'Not at all',
      'A little bit',
      'Moderately',
      'Quite a bit',
      'Extremely',
    ]);
    expect(pcl5.items[19]?.text).toBe('Trouble falling or staying asleep?');
  });

  it('attributes the National Center for PTSD and flags the licence as unverified', () => {
    expect(pcl5.licence).toMatchObject({ textShipped: true, certainty: 'unverified' });
    expect(pcl5.licence.holder).toContain('National Center for PTSD');
    expect(pcl5.loinc).toMatchObject({ panel: '101697-1', total: '101698-9' });
    expect(pcl5.remission).toBeNull();
  });
});

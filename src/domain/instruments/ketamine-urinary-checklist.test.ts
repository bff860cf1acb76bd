import { describe, expect, it } from 'vitest';
import { ketamineUrinaryChecklist, score } from './ketamine-urinary-checklist.ts';
import { answersFrom, resultOf } from './test-fixtures.ts';

const NONE = [0, 0, 0, 0, 0, 0, 0];

function only(itemIndex: number): Record<string, number> {
  return answersFrom(NONE.map((_, i) => (i === itemIndex ? 1 : 0)));
}

describe('Ketamine urinary checklist (local, not validated)', () => {
  it('reports no symptoms, no flags, no total and no band when all are absent', () => {
    const result = resultOf(score(answersFrom(NONE)));
    expect(result).toMatchObject({
      sentinelSymptoms: [],
      flags: [],
      total: null,
      band: null,
      completeness: 'complete',
    });
  });

  it.each([
    [0, 'urinary-frequency'],
    [1, 'urinary-urgency'],
    [2, 'dysuria'],
    [3, 'suprapubic-pain'],
    [4, 'visible-haematuria'],
    [5, 'incontinence'],
    [6, 'loin-pain'],
  ])('item %i present → sentinel symptom %s', (index, code) => {
    expect(resultOf(score(only(index))).sentinelSymptoms).toEqual([code]);
  });

  it('raises the urgent red-flag-visible-haematuria flag only for visible haematuria', () => {
    expect(resultOf(score(only(4))).flags).toEqual([
      expect.objectContaining({ code: 'red-flag-visible-haematuria', severity: 'urgent', item: '5' }),
    ]);
    for (const index of [0, 1, 2, 3, 5, 6]) expect(resultOf(score(only(index))).flags).toEqual([]);
  });

  it('lists several present symptoms in item order', () => {
    const result = resultOf(score(answersFrom([1, 1, 1, 0, 1, 0, 1])));
    expect(result.sentinelSymptoms).toEqual([
      'urinary-frequency',
      'urinary-urgency',
      'dysuria',
      'visible-haematuria',
      'loin-pain',
    ]);
    expect(result.total).toBeNull();
  });

  it('on missing items, lists the present symptoms answered so far and marks the result incomplete', () => {
    const result = resultOf(score({ '1': 1, '5': 1 }));
    expect(result).toMatchObject({ completeness: 'incomplete', missingItems: ['2', '3', '4', '6', '7'] });
    expect(result.sentinelSymptoms).toEqual(['urinary-frequency', 'visible-haematuria']);
    expect(result.flags.map((flag) => flag.code)).toEqual(['red-flag-visible-haematuria']);
  });

  it('is labelled as not validated and claims no severity band', () => {
    expect(ketamineUrinaryChecklist.validated).toBe(false);
    expect(ketamineUrinaryChecklist.title).toContain('NOT VALIDATED');
    expect(ketamineUrinaryChecklist.bands).toEqual([]);
    expect(ketamineUrinaryChecklist.totalRange).toBeNull();
  });
});

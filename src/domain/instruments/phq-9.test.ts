import { describe, expect, it } from 'vitest';
import { phq9, score } from './phq-9.ts';
import { answersFrom, answersSummingTo, flagCodes, resultOf } from './test-fixtures.ts';

describe('PHQ-9 scoring', () => {
  it.each([
    // Hand-worked examples: the domain notes give no published worked example.
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'none-minimal'],
    [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 'mild'],
    [[2, 2, 2, 1, 1, 1, 1, 0, 0], 10, 'moderate'],
    [[3, 3, 2, 2, 2, 1, 1, 1, 0], 15, 'moderately-severe'],
    [[3, 3, 3, 3, 3, 3, 2, 0, 0], 20, 'severe'],
  ])('%j totals %i (%s)', (scores, total, band) => {
    const result = resultOf(score(answersFrom(scores)));
    expect(result.total).toBe(total);
    expect(result.band?.code).toBe(band);
    expect(result.completeness).toBe('complete');
  });

  it.each([
    [0, 'none-minimal', 'None–minimal'],
    [4, 'none-minimal', 'None–minimal'],
    [5, 'mild', 'Mild'],
    [9, 'mild', 'Mild'],
    [10, 'moderate', 'Moderate'],
    [14, 'moderate', 'Moderate'],
    [15, 'moderately-severe', 'Moderately severe'],
    [19, 'moderately-severe', 'Moderately severe'],
    [20, 'severe', 'Severe'],
    [27, 'severe', 'Severe'],
  ])('puts a total of %i in band %s (LOINC 44261-6 interpretation)', (total, code, label) => {
    const result = resultOf(score(answersSummingTo(total, 9, 3)));
    expect(result.total).toBe(total);
    expect(result.band).toEqual({ code, label });
  });

  it('reports the identity and version of the definition', () => {
    const result = resultOf(score(answersFrom([0, 0, 0, 0, 0, 0, 0, 0, 0])));
    expect(result).toMatchObject({
      instrumentId: 'phq-9',
      instrumentVersion: '1.1.0',
      missingItems: [],
      flags: [],
    });
  });
});

describe('PHQ-9 item 9 safety flag', () => {
  it.each([1, 2, 3])('raises an urgent phq9-item9-positive flag when item 9 is %i', (answer) => {
    const result = resultOf(score(answersFrom([0, 0, 0, 0, 0, 0, 0, 0, answer])));
    expect(result.flags).toEqual([
      expect.objectContaining({ code: 'phq9-item9-positive', severity: 'urgent', item: '9' }),
    ]);
    expect(result.total).toBe(answer);
  });

  it('raises no flag when item 9 is 0, even at the maximum of the other items', () => {
    expect(flagCodes(score(answersFrom([3, 3, 3, 3, 3, 3, 3, 3, 0])))).toEqual([]);
  });

  it('still raises the flag when other items are missing', () => {
    const result = resultOf(score({ '9': 1 }));
    expect(result.completeness).toBe('incomplete');
    expect(result.total).toBeNull();
    expect(result.flags.map((flag) => flag.code)).toEqual(['phq9-item9-positive']);
  });

  it.each([
    ['absent', {}],
    ['null', { '9': null }],
  ])(
    'raises phq9-item9-unanswered ("ask directly") when item 9 is %s, even though the total is prorated',
    (_, nine) => {
      const result = resultOf(score({ ...answersFrom([2, 2, 2, 2, 2, 2, 2, 2]), ...nine }));
      expect(result.prorated).toBeDefined();
      expect(result.total).toBe(18);
      expect(result.flags).toEqual([
        expect.objectContaining({ code: 'phq9-item9-unanswered', severity: 'warning', item: '9' }),
      ]);
      expect(result.flags[0]?.text).toMatch(/ask directly/);
    },
  );

  it('raises phq9-item9-unanswered when more than two items are missing too (no total)', () => {
    const result = resultOf(score(answersFrom([1, 1, 1, 1, 1, 1])));
    expect(result.total).toBeNull();
    expect(result.flags.map((f) => f.code)).toEqual(['phq9-item9-unanswered']);
  });

  it('keeps the positive item 9 flag when other items are prorated', () => {
    const result = resultOf(score({ '1': 1, '2': 1, '3': 1, '4': 1, '5': 1, '6': 1, '7': 1, '9': 2 }));
    expect(result.prorated?.missingItems).toEqual(['8']);
    expect(result.flags.map((f) => f.code)).toEqual(['phq9-item9-positive']);
  });
});

describe('PHQ-9 missing items: one or two prorated (NHS Data Dictionary), more disregarded', () => {
  /** Items 1–9 all `value`, without the listed items. */
  const allBut = (value: number, ...blank: string[]) =>
    Object.fromEntries(
      Object.entries(answersFrom(Array.from({ length: 9 }, () => value))).filter(([k]) => !blank.includes(k)),
    );

  it('0 missing: a plain sum, not marked prorated', () => {
    const result = resultOf(score(allBut(2)));
    expect(result).toMatchObject({ completeness: 'complete', total: 18, missingItems: [] });
    expect(result.prorated).toBeUndefined();
  });

  it('1 missing: the mean of the other eight is substituted and the result is marked prorated', () => {
    const result = resultOf(score(allBut(3, '3')));
    expect(result).toMatchObject({
      completeness: 'complete',
      total: 27,
      band: { code: 'severe' },
      missingItems: ['3'],
      prorated: {
        missingItems: ['3'],
        answeredSum: 24,
        substitutedMean: 3,
        exactTotal: 27,
        rounding: 'half-up',
      },
    });
  });

  it('2 missing: the mean of the other seven is substituted for each', () => {
    const result = resultOf(score(allBut(1, '2', '7')));
    expect(result).toMatchObject({ completeness: 'complete', total: 9, missingItems: ['2', '7'] });
    expect(result.prorated?.substitutedMean).toBe(1);
  });

  it('3 missing: disregarded — incomplete, no total, no band, not prorated', () => {
    const result = resultOf(score(allBut(3, '1', '2', '3')));
    expect(result).toMatchObject({
      completeness: 'incomplete',
      total: null,
      band: null,
      missingItems: ['1', '2', '3'],
    });
    expect(result.prorated).toBeUndefined();
  });

  it.each([
    // answered sum 4 over 8 items → 4.5 exactly → 5 (half up: mild, not none–minimal)
    [{ '1': 1, '2': 1, '3': 1, '4': 1, '5': 0, '6': 0, '7': 0, '8': 0 }, 4.5, 5, 'mild'],
    // answered sum 3 over 8 → 3.375 → 3
    [{ '1': 1, '2': 1, '3': 1, '4': 0, '5': 0, '6': 0, '7': 0, '8': 0 }, 3.375, 3, 'none-minimal'],
    // answered sum 9 over 7 (items 8, 9 missing) → 11.571… → 12
    [{ '1': 3, '2': 3, '3': 3, '4': 0, '5': 0, '6': 0, '7': 0 }, 81 / 7, 12, 'moderate'],
    // answered sum 8 over 8 → 9 exactly (band edge 9/10 from the prorated total)
    [{ '1': 1, '2': 1, '3': 1, '4': 1, '5': 1, '6': 1, '7': 1, '8': 1 }, 9, 9, 'mild'],
  ])('rounds the exact prorated total half up: %j → %f → %i (%s)', (answers, exact, total, band) => {
    const result = resultOf(score(answers));
    expect(result.prorated?.exactTotal).toBeCloseTo(exact, 10);
    expect(result.total).toBe(total);
    expect(result.band?.code).toBe(band);
  });

  it('states its source and the rounding rule with their certainty', () => {
    expect(phq9.prorating).toMatchObject({
      maxMissing: 2,
      rounding: 'half-up',
      certainty: 'secondary',
      roundingSource: { certainty: 'convention' },
    });
    expect(phq9.prorating?.source).toMatch(/NHS Data Dictionary/);
  });

  it('lists every missing scored item in published order when nothing is answered', () => {
    expect(resultOf(score({})).missingItems).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('does not need the unscored difficulty item 10 and never adds it to the total', () => {
    expect(resultOf(score(answersFrom([1, 1, 1, 1, 1, 0, 0, 0, 0]))).completeness).toBe('complete');
    const withDifficulty = resultOf(score(answersFrom([1, 1, 1, 1, 1, 0, 0, 0, 0, 3])));
    expect(withDifficulty.total).toBe(5);
    expect(withDifficulty.band?.code).toBe('mild');
  });
});

describe('PHQ-9 invalid answers', () => {
  it('reports every problem at once, each naming its item', () => {
    const outcome = score({ ...answersFrom([0, 0, 0, 0, 0, 0, 0, 0, 0]), '1': 9, '4': 0.5, '12': 1 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.problems.map((p) => [p.code, p.path])).toEqual([
        ['answer-out-of-range', 'answers.1'],
        ['answer-not-integer', 'answers.4'],
        ['unknown-item', 'answers.12'],
      ]);
      expect(outcome.problems[0]?.text).toContain('0, 1, 2, 3');
    }
  });
});

describe('PHQ-9 definition', () => {
  it('ships the nine items and the unscored difficulty item with Pfizer attribution', () => {
    expect(phq9.items).toHaveLength(10);
    expect(phq9.items.filter((item) => item.scored)).toHaveLength(9);
    expect(phq9.items[9]).toMatchObject({ number: '10', scored: false });
    expect(phq9.items[0]?.text).toBe('Little interest or pleasure in doing things');
    expect(phq9.items[8]?.text).toBe(
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    );
    expect(phq9.licence).toMatchObject({ textShipped: true, holder: 'Pfizer Inc.' });
  });

  it('uses the answer labels from clinic.md §4', () => {
    expect(phq9.items[0]?.options.map((o) => o.label)).toEqual([
      'Not at all',
      'Several days',
      'More than half the days',
      'Nearly every day',
    ]);
  });

  it('carries LOINC codes, marking the [U] item codes as unverified', () => {
    expect(phq9.loinc).toMatchObject({ panel: '44249-1', total: '44261-6' });
    expect(phq9.items[0]?.loinc).toMatchObject({ code: '44250-9', certainty: 'verified' });
    expect(phq9.items[8]?.loinc).toMatchObject({ code: '44260-8', certainty: 'unverified' });
    expect(phq9.items[9]?.loinc).toMatchObject({ code: '69722-7', certainty: 'unverified' });
  });

  it('makes the conventional remission cut-off and the item 9 rule visibly uncertain', () => {
    expect(phq9.remission).toMatchObject({ cutoff: 5, comparator: '<', certainty: 'convention' });
    expect(phq9.response).toMatchObject({ minDropFraction: 0.5 });
    expect(phq9.flagRules[0]).toMatchObject({ code: 'phq9-item9-positive', certainty: 'convention' });
  });
});

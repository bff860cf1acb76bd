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
      instrumentVersion: '1.0.0',
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
});

describe('PHQ-9 missing items (no prorating: none is supported by the domain notes)', () => {
  it('gives incomplete, a null total and a null band when a scored item is missing', () => {
    const answers: Record<string, number> = answersFrom([3, 3, 3, 3, 3, 3, 3, 3, 3]);
    delete answers['3'];
    const result = resultOf(score(answers));
    expect(result).toMatchObject({
      completeness: 'incomplete',
      total: null,
      band: null,
      missingItems: ['3'],
    });
  });

  it('treats a null answer as missing', () => {
    const result = resultOf(score({ ...answersFrom([1, 1, 1, 1, 1, 1, 1, 1]), '9': null }));
    expect(result.missingItems).toEqual(['9']);
    expect(result.total).toBeNull();
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
  it.each([
    [{ '11': 0 }, 'unknown-item', 'answers.11'],
    [{ '0': 0 }, 'unknown-item', 'answers.0'],
    [{ '01': 0 }, 'unknown-item', 'answers.01'],
    [{ '1': 4 }, 'answer-out-of-range', 'answers.1'],
    [{ '1': -1 }, 'answer-out-of-range', 'answers.1'],
    [{ '10': 4 }, 'answer-out-of-range', 'answers.10'],
    [{ '2': 1.5 }, 'answer-not-integer', 'answers.2'],
    [{ '2': Number.NaN }, 'answer-not-integer', 'answers.2'],
  ])('%j → %s at %s', (answers, code, path) => {
    const outcome = score(answers);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems).toEqual([expect.objectContaining({ code, path })]);
  });

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

// Table-driven test blocks every instrument's tests share (test support only): totals, bands, completeness.
import { expect, it } from 'vitest';
import { answersFrom, resultOf } from './test-fixtures.ts';
import type { Answers, ScoreOutcome, ScoreResult } from './types.ts';

type Score = (answers: Answers) => ScoreOutcome;

function expectTotalAndBand(result: ScoreResult, total: number, band: string): void {
  expect(result.total).toBe(total);
  expect(result.band?.code).toBe(band);
}

/** Each case: scores in published order, the total they give and its band (`title` names the case). */
export function itTotalsEach(score: Score, title: string, cases: [number[], number, string][]): void {
  it.each(cases)(title, (scores, total, band) => {
    expectTotalAndBand(resultOf(score(answersFrom(scores))), total, band);
  });
}

/** Each case: a total, made into answers by `answersFor`, and the band it falls in (band edges, both sides). */
export function itBandsEach(
  score: Score,
  answersFor: (total: number) => Answers,
  title: string,
  cases: [number, string][],
): void {
  it.each(cases)(title, (total, band) => {
    expectTotalAndBand(resultOf(score(answersFor(total))), total, band);
  });
}

/** Each total, made into answers by `answersFor`, is complete with no band and no flag. */
export function itClaimsNoBandAtEach(
  score: Score,
  answersFor: (total: number) => Answers,
  title: string,
  totals: number[],
): void {
  it.each(totals)(title, (total) => {
    const result = resultOf(score(answersFor(total)));
    expect(result).toMatchObject({ total, band: null, flags: [], completeness: 'complete' });
  });
}

/**
 * Answers with `missingItems` unanswered score as incomplete with a null total (never prorated), and with the
 * fields of `also`.
 */
export function itIsIncompleteWhenAnItemIsMissing(
  score: Score,
  answers: Answers,
  missingItems: string[],
  also: Partial<ScoreResult> = {},
): void {
  it('gives incomplete with a null total when an item is missing (no prorating)', () => {
    expect(resultOf(score(answers))).toMatchObject({
      completeness: 'incomplete',
      total: null,
      missingItems,
      ...also,
    });
  });
}

/** `result` is incomplete with no total and no band, and names exactly `missingItems`. */
export function expectIncompleteWithout(result: ScoreResult, missingItems: string[]): void {
  expect(result).toMatchObject({ completeness: 'incomplete', total: null, band: null, missingItems });
}

// Answer builders shared by the instrument tests (test support only; not used by the engine).
import type { ScoreOutcome, ScoreResult } from './types.ts';

/** Answers "1".."N" from a list of scores in published order. */
export function answersFrom(scores: readonly number[]): Record<string, number> {
  return Object.fromEntries(scores.map((score, i) => [String(i + 1), score]));
}

/** Answers for `itemCount` items (each 0..itemMax) that sum to `total`, filling item 1 first. */
export function answersSummingTo(total: number, itemCount: number, itemMax: number): Record<string, number> {
  let remaining = total;
  const scores = Array.from({ length: itemCount }, () => {
    const score = Math.min(itemMax, remaining);
    remaining -= score;
    return score;
  });
  if (remaining !== 0)
    throw new Error(`total ${String(total)} is above ${String(itemCount)} × ${String(itemMax)}`);
  return answersFrom(scores);
}

/** The score result of a successful outcome; fails the test with the problems otherwise. */
export function resultOf(outcome: ScoreOutcome): ScoreResult {
  if (!outcome.ok) throw new Error(`expected a score, got problems: ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

/** Flag codes of a successful outcome. */
export function flagCodes(outcome: ScoreOutcome): string[] {
  return resultOf(outcome).flags.map((flag) => flag.code);
}

import { describe, expect, it } from 'vitest';
import { meanDifferenceInterval, newcombeDifference, wilsonInterval } from './intervals.ts';
import type { Computed } from './results.ts';

function valueOf<T>(result: Computed<T>): T {
  if (!result.ok) throw new Error(result.reason.text);
  return result.value;
}

describe('Wilson score interval', () => {
  it.each([
    // Newcombe RG. Stat Med 1998;17:857–72, worked examples for method 3 (score, no continuity correction);
    // each pair is also the formula's value to 4 dp.
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → 95%% CI %f to %f (Newcombe 1998, checked against the formula)', (x, n, lower, upper) => {
    const interval = valueOf(wilsonInterval(x, n));
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  it('stays inside 0–1 at n/n', () => {
    expect(valueOf(wilsonInterval(10, 10))).toEqual({ lower: expect.closeTo(0.7225, 4), upper: 1 });
  });

  it('has no interval for no observations or impossible counts', () => {
    const empty = wilsonInterval(0, 0);
    expect(empty.ok ? null : empty.reason.code).toBe('empty-denominator');
    for (const [x, n] of [
      [5, 4],
      [-1, 4],
      [1.5, 4],
    ] as const) {
      const bad = wilsonInterval(x, n);
      expect(bad.ok ? null : bad.reason.code).toBe('invalid-counts');
    }
  });
});

describe("Newcombe's method 10 for a difference of proportions", () => {
  it.each([
    // Newcombe RG. Stat Med 1998;17:873–90, worked examples for method 10; each also the formula's value to 4 dp.
    [56, 70, 48, 80, 0.2, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.6, 0.1705, 0.809],
    [5, 56, 0, 29, 0.0893, -0.0381, 0.1926],
    [0, 10, 0, 20, 0, -0.1611, 0.2775],
    [10, 10, 0, 10, 1, 0.6075, 1],
  ])('%i/%i − %i/%i = %f, 95%% CI %f to %f', (x1, n1, x2, n2, difference, lower, upper) => {
    const result = valueOf(newcombeDifference(x1, n1, x2, n2));
    expect(result.difference).toBeCloseTo(difference, 4);
    expect(result.lower).toBeCloseTo(lower, 4);
    expect(result.upper).toBeCloseTo(upper, 4);
  });

  it('has no interval when either group is empty', () => {
    const result = newcombeDifference(3, 10, 0, 0);
    expect(result.ok ? null : result.reason.code).toBe('empty-denominator');
  });
});

describe('normal-approximation interval for a difference of means', () => {
  it('computes mean(a) − mean(b) ± z × √(s²a/na + s²b/nb)', () => {
    // a = 1, 2, 3: mean 2, s² 1. b = 4, 6: mean 5, s² 2. Difference −3.
    // SE = √(1/3 + 2/2) = √(4/3) = 1.154701; 1.959964 × 1.154701 = 2.263163 → −5.2632 to −0.7368
    const result = valueOf(meanDifferenceInterval([1, 2, 3], [4, 6]));
    expect(result.difference).toBe(-3);
    expect(result.standardError).toBeCloseTo(1.154701, 6);
    expect(result.lower).toBeCloseTo(-5.2632, 4);
    expect(result.upper).toBeCloseTo(-0.7368, 4);
  });

  it('needs at least two values in each group', () => {
    const result = meanDifferenceInterval([1], [2, 3]);
    expect(result.ok ? null : result.reason.code).toBe('too-few-values');
  });
});

// Confidence intervals: Wilson for a proportion, Newcombe's method 10 for a difference, normal for a mean difference.
import { computed, notComputed, type Computed } from './results.ts';
import { mean, sampleVariance } from './statistics.ts';

/** The standard normal quantile for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

/** A confidence interval. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/** An estimated difference with its confidence interval. */
export interface DifferenceInterval extends Interval {
  readonly difference: number;
}

function badCounts(successes: number, n: number): boolean {
  return !Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || successes > n;
}

/**
 * Wilson score interval without continuity correction (Wilson 1927; Newcombe 1998, method 3):
 * (2np̂ + z² ± z√(z² + 4np̂(1 − p̂))) / (2(n + z²)). Unlike the Wald interval it stays inside 0–1 and is
 * not zero-width at 0/n or n/n.
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): Computed<Interval> {
  if (badCounts(successes, n)) {
    return notComputed('invalid-counts', 'Counts must be whole numbers with 0 ≤ successes ≤ n.');
  }
  if (n === 0) return notComputed('empty-denominator', 'No observations, so no interval.');
  const p = successes / n;
  const centre = 2 * n * p + z * z;
  const halfWidth = z * Math.sqrt(z * z + 4 * n * p * (1 - p));
  const denominator = 2 * (n + z * z);
  // At 0/n and n/n the formula gives the bound exactly; clamp only the floating-point residue.
  return computed({
    lower: successes === 0 ? 0 : (centre - halfWidth) / denominator,
    upper: successes === n ? 1 : (centre + halfWidth) / denominator,
  });
}

/**
 * Difference of two independent proportions p₁ − p₂ with Newcombe's hybrid score interval (Newcombe 1998,
 * Stat Med 17:873, method 10): δ − √((p₁ − l₁)² + (u₂ − p₂)²) to δ + √((u₁ − p₁)² + (p₂ − l₂)²), where
 * (lᵢ, uᵢ) are the Wilson limits of each proportion.
 */
export function newcombeDifference(
  successes1: number,
  n1: number,
  successes2: number,
  n2: number,
  z = Z_95,
): Computed<DifferenceInterval> {
  const first = wilsonInterval(successes1, n1, z);
  const second = wilsonInterval(successes2, n2, z);
  if (!first.ok) return first;
  if (!second.ok) return second;
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  const difference = p1 - p2;
  const { lower: l1, upper: u1 } = first.value;
  const { lower: l2, upper: u2 } = second.value;
  return computed({
    difference,
    lower: difference - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    upper: difference + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
  });
}

/**
 * Difference of two means, mean(a) − mean(b), with a normal-approximation interval and unpooled
 * (Welch) standard error √(s²ₐ/nₐ + s²_b/n_b). Chosen over a bootstrap because it is deterministic; with
 * fewer than about 30 per group it is too narrow, which is why comparisons flag small groups.
 */
export function meanDifferenceInterval(
  a: readonly number[],
  b: readonly number[],
  z = Z_95,
): Computed<DifferenceInterval & { readonly standardError: number }> {
  if (a.length < 2 || b.length < 2) {
    return notComputed('too-few-values', 'Each group needs at least two values to estimate its spread.');
  }
  const difference = mean(a) - mean(b);
  const standardError = Math.sqrt(sampleVariance(a) / a.length + sampleVariance(b) / b.length);
  return computed({
    difference,
    lower: difference - z * standardError,
    upper: difference + z * standardError,
    standardError,
  });
}

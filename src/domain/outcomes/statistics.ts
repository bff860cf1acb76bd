// Descriptive statistics the measures share: mean, median, sample variance and a summary with its reason.
import type { Summary } from './results.ts';

/** Arithmetic mean; NaN for an empty list (callers check the length first). */
export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Median: the middle value, or the mean of the two middle values when the count is even. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** Sample variance with the n − 1 denominator; NaN for fewer than two values. */
export function sampleVariance(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const centre = mean(values);
  return values.reduce((sum, value) => sum + (value - centre) ** 2, 0) / (values.length - 1);
}

/** Median and mean of `values`; `what` names them for the reason when there are none. */
export function summarise(values: readonly number[], what: string): Summary {
  if (values.length === 0) {
    return {
      n: 0,
      median: null,
      mean: null,
      reason: { code: 'too-few-values', text: `No ${what} in the data.` },
    };
  }
  return { n: values.length, median: median(values), mean: mean(values), reason: null };
}

// Response and remission against baseline, per the instrument's own rules (clinic.md §4 "General definitions").
import type { InstrumentDefinition } from './types.ts';

export interface ResponseAssessment {
  /** True when the drop from baseline is at least the instrument's response fraction; null when not computable. */
  readonly response: boolean | null;
  /** True when the current total meets the instrument's remission cut-off; null when not computable. */
  readonly remission: boolean | null;
  /** (baseline − current) / baseline: 0.5 is a 50 % improvement, negative is worsening; null when not computable. */
  readonly changeFraction: number | null;
}

function usable(total: number | null): total is number {
  return total !== null && Number.isFinite(total) && total >= 0;
}

/**
 * Compares a current total with a baseline. `response` and `changeFraction` are null when either total is
 * missing or the baseline is 0 (no drop can be measured); `remission` is null when the current total is
 * missing or the instrument has no remission rule. Both are null when the instrument defines no such rule.
 */
export function assessResponse(
  baselineTotal: number | null,
  currentTotal: number | null,
  def: Pick<InstrumentDefinition, 'response' | 'remission'>,
): ResponseAssessment {
  const measurable = usable(baselineTotal) && usable(currentTotal) && baselineTotal > 0;
  const changeFraction = measurable ? (baselineTotal - currentTotal) / baselineTotal : null;
  // Compare drop ≥ fraction × baseline rather than the quotient, so 10 of 20 is exactly 50 % with no rounding.
  const response =
    measurable && def.response !== null
      ? baselineTotal - currentTotal >= def.response.minDropFraction * baselineTotal
      : null;
  const rule = def.remission;
  const remission =
    usable(currentTotal) && rule !== null
      ? rule.comparator === '<'
        ? currentTotal < rule.cutoff
        : currentTotal <= rule.cutoff
      : null;
  return { response, remission, changeFraction };
}

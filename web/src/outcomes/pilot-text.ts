// Words for a pilot comparison: each group's count, share and interval, and the difference between them.
import { rangeText, percent, round1 } from './outcome-text.ts';
import type { Computed, Interval, MeanComparison, ProportionComparison } from './outcome-types.ts';

type GroupShare = ProportionComparison['first'];

/** "3 of 10". */
export const countText = (g: GroupShare) => `${g.count} of ${g.total}`;

/** "30 % (95 % interval 11 % to 60 %)", or "none to count" for an empty group. */
export function groupShareText(g: GroupShare): string {
  if (g.share === null) return 'none to count';
  return g.interval.ok
    ? `${percent(g.share)} (95 % interval ${rangeText(g.interval.value)})`
    : percent(g.share);
}

/** 0.125 → "+13", in percentage points with a sign. */
function points(d: number): string {
  const n = Math.round(d * 100);
  return n > 0 ? `+${n}` : String(n).replace('-', '−');
}

/** "+13 percentage points (95 % interval −20 to +41)", or why there is no difference. */
export function shareDifferenceText(d: Computed<Interval & { difference: number }>): string {
  return d.ok
    ? `${points(d.value.difference)} percentage points (95 % interval ${points(d.value.lower)} to ${points(d.value.upper)})`
    : `Not computed: ${d.reason.text}`;
}

type GroupSummary = MeanComparison['first'];

/** "n 4; mean 2.5; median 2", or "no values". */
export function summaryText(s: GroupSummary): string {
  if (s.n === 0 || s.mean === null || s.median === null) return 'no values';
  return `n ${s.n}; mean ${round1(s.mean)}; median ${round1(s.median)}`;
}

const signed = (n: number) => (n > 0 ? `+${round1(n)}` : round1(n));

/** "+1.5 (95 % interval −0.2 to +3.2)", or why there is none. */
export function meanDifferenceText(d: MeanComparison['meanDifference']): string {
  return d.ok
    ? `${signed(d.value.difference)} (95 % interval ${signed(d.value.lower)} to ${signed(d.value.upper)})`
    : `Not computed: ${d.reason.text}`;
}

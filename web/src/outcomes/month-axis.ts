// Which months of a monthly chart's x-axis carry a label, so labels never overlap however long the period.

/**
 * The least distance, in chart units, between the centres of two month labels. "Sep 2025" at the charts'
 * 11 px is about 48 units wide in the widest common sans-serif (DejaVu Sans); 8 more keep a visible gap.
 */
export const MONTH_LABEL_SPACING = 56;

/** Label every 1st, 2nd, 3rd, 4th, 6th or 12th month (then whole years): steps that divide a year. */
const STEPS = [1, 2, 3, 4, 6, 12] as const;

/** The calendar month (0 = January) of a "YYYY-MM" month, and its months since year 0. */
function monthIndex(month: string): number | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

/** The smallest step from STEPS (or a whole number of years) whose labels are at least `spacing` apart. */
function labelStep(slot: number, spacing: number): number {
  const fits = STEPS.find((s) => s * slot >= spacing);
  return fits ?? 12 * Math.ceil(spacing / (12 * slot));
}

/**
 * The positions (indices into `months`) that get a label when `months` share `plotWidth` equally. Every month
 * when they fit; otherwise every Nth calendar month (N divides a year, so labels fall on January and the
 * quarters), always the first and last month, and never two labels closer than `spacing`. The months left
 * unlabelled keep their tooltips and their row in the chart's table of numbers.
 */
export function labelledMonths(
  months: readonly string[],
  plotWidth: number,
  spacing: number = MONTH_LABEL_SPACING,
): number[] {
  const n = months.length;
  if (n === 0) return [];
  const slot = plotWidth / n;
  const step = labelStep(slot, spacing);
  if (step === 1) return months.map((_, i) => i);
  const apart = (a: number, b: number) => Math.abs(b - a) * slot >= spacing;
  const aligned = months.flatMap((m, i) => {
    const index = monthIndex(m);
    return index !== null && index % step === 0 ? [i] : [];
  });
  const out = [0];
  for (const i of aligned) {
    const last = out.at(-1) ?? 0;
    if (i > last && apart(last, i)) out.push(i);
  }
  const end = n - 1;
  if (end > 0 && out.at(-1) !== end) {
    // The last month always shows: it drops the aligned label just before it when they would touch.
    while (out.length > 1 && !apart(out.at(-1) ?? 0, end)) out.pop();
    if (apart(out.at(-1) ?? 0, end)) out.push(end);
  }
  return out;
}

// Chart builders for a measure's kind of value: shares with Wilson intervals, medians and means, changes, kappas.
import type { Bar, ChartWithNumbers } from './chart-spec.ts';
import type { NumberRow } from './number-table.ts';
import { percent, rangeText, round1, shareText, wilsonOf } from './outcome-text.ts';
import type { ChangeFromBaseline, Proportion, Summary } from './outcome-types.ts';

/** Shares (0 to 1) as bars with their 95 % Wilson whiskers; null when no share has a denominator. */
export function sharesChart(
  caption: string,
  items: readonly (readonly [string, Proportion])[],
): ChartWithNumbers | null {
  if (items.every(([, p]) => p.value === null)) return null;
  const bars: Bar[] = items.map(([label, p]) => ({
    label,
    value: p.value,
    text: shareText(p) ?? 'none to count',
    interval: wilsonOf(p),
  }));
  const rows: NumberRow[] = items.map(([label, p]) => {
    const ci = wilsonOf(p);
    return {
      label,
      cells: [
        p.numerator,
        p.denominator,
        p.value === null ? '–' : percent(p.value),
        ci ? rangeText(ci) : '–',
      ],
    };
  });
  return {
    chart: {
      kind: 'bars',
      min: 0,
      max: 1,
      bars,
      summary: `${caption}: ${bars.map((b) => `${b.label} ${b.text}`).join('; ')}.`,
    },
    numbers: { caption, columns: ['Group', 'Count', 'Out of', 'Share', '95 % interval'], rows },
  };
}

const valueText = (v: number | null, unit: string) => (v === null ? '–' : `${round1(v)} ${unit}`);

/** Median and mean of per-person values as two bars; null when there are none. */
export function summaryChart(caption: string, s: Summary, unit: string): ChartWithNumbers | null {
  if (s.median === null || s.mean === null) return null;
  const values = [
    ['Median', s.median],
    ['Mean', s.mean],
  ] as const;
  return {
    chart: {
      kind: 'bars',
      min: Math.min(0, s.median, s.mean),
      max: Math.max(1, s.median, s.mean),
      bars: values.map(([label, v]) => ({ label, value: v, text: valueText(v, unit) })),
      summary: `${caption}: median ${valueText(s.median, unit)}, mean ${valueText(s.mean, unit)}, n ${s.n}.`,
    },
    numbers: {
      caption,
      columns: ['Statistic', 'Value'],
      rows: [
        { label: 'Number of values', cells: [s.n] },
        { label: 'Median', cells: [valueText(s.median, unit)] },
        { label: 'Mean', cells: [valueText(s.mean, unit)] },
      ],
    },
  };
}

/** Mean at baseline, at the latest, and the mean change (which may be below zero); null without follow-ups. */
export function changeChart(caption: string, c: ChangeFromBaseline, unit: string): ChartWithNumbers | null {
  const { change } = c;
  if (change.mean === null || c.baselineMean === null || c.latestMean === null) return null;
  const values = [
    ['Mean at baseline', c.baselineMean],
    ['Mean at the latest', c.latestMean],
    ['Mean change', change.mean],
  ] as const;
  return {
    chart: {
      kind: 'bars',
      min: Math.min(0, ...values.map(([, v]) => v)),
      max: Math.max(1, ...values.map(([, v]) => v)),
      bars: values.map(([label, v], i) => ({
        label,
        value: v,
        text: valueText(v, unit),
        ...(i === 2 ? { colour: '#8a4b00' } : {}),
      })),
      summary: `${caption}: ${values.map(([label, v]) => `${label.toLowerCase()} ${valueText(v, unit)}`).join(', ')}.`,
    },
    numbers: {
      caption,
      columns: ['Statistic', 'Value'],
      rows: [
        { label: 'People with a baseline and a later value', cells: [change.n] },
        ...values.map(([label, v]) => ({ label, cells: [valueText(v, unit)] })),
        { label: 'Median change', cells: [valueText(change.median, unit)] },
        { label: 'People without a follow-up', cells: [c.withoutFollowUp] },
      ],
    },
  };
}

/** "0.62" (a kappa, with a true minus sign). */
export const kappaNumber = (k: number) => k.toFixed(2).replace('-', '−');

/** Kappas on their −1 to 1 scale, one bar each. */
export function kappaBars(items: readonly (readonly [string, number | null])[]): Bar[] {
  return items.map(([label, k]) => ({
    label,
    value: k,
    text: k === null ? 'not computed' : `κ ${kappaNumber(k)}`,
  }));
}

// The pilot's share differences as one chart: each measure's difference (first − second) with its 95 % interval.
import type { ChartWithNumbers } from './chart-spec.ts';
import type { PilotRow } from './outcome-types.ts';
import { shareDifferenceText } from './pilot-text.ts';

type ShareRow = Extract<PilotRow, { kind: 'share' }>;

/** Bars from zero on a −100 to +100 percentage-point scale; a measure without a difference draws no bar. */
export function differenceChart(rows: readonly ShareRow[]): ChartWithNumbers {
  const items = rows.map((row) => {
    const d = row.comparison.difference;
    return { label: row.definition.title, d, text: shareDifferenceText(d) };
  });
  return {
    chart: {
      kind: 'bars',
      min: -1,
      max: 1,
      bars: items.map(({ label, d }) => ({
        label,
        value: d.ok ? d.value.difference : null,
        text: d.ok ? `${Math.round(d.value.difference * 100)} points`.replace('-', '−') : 'no difference',
        interval: d.ok ? { lower: d.value.lower, upper: d.value.upper } : null,
      })),
      summary: `Differences in shares, first group minus second: ${items
        .map((i) => `${i.label} ${i.text}`)
        .join('; ')}.`,
    },
    numbers: {
      caption: 'Differences in shares, first group minus second',
      columns: ['Measure', 'Difference with 95 % interval'],
      rows: items.map((i) => ({ label: i.label, cells: [i.text] })),
    },
  };
}

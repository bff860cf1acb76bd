// The monthly measures as rows of counts per series, for the bar chart, its spoken summary and its table.
import { bandColour } from '../questionnaires/trend-geometry.ts';
import type { EscalationMonth, FirstLevelMonth } from './outcome-types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One calendar month's counts, one per series. */
export interface MonthRow {
  month: string;
  counts: number[];
}

/** A monthly measure ready to draw: series names, rows and the summary in words. */
export interface MonthlyTable {
  series: string[];
  /** One fill per series, on the clinic's green-to-red scale for levels 1 to 4. */
  colours: string[];
  rows: MonthRow[];
  summary: string;
}

/** "2026-03" → "Mar 2026". */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : month;
}

const LEVELS = [1, 2, 3, 4] as const;

/** People first assessed each month, split by their confirmed level. */
export function firstLevelTable(months: readonly FirstLevelMonth[]): MonthlyTable {
  const rows = months.map((m) => ({ month: m.month, counts: LEVELS.map((l) => m.atLevel[l].numerator) }));
  const words = months.map(
    (m) =>
      `${monthLabel(m.month)}: ${m.people} ${m.people === 1 ? 'person' : 'people'}` +
      (m.people > 0 ? ` (${LEVELS.map((l) => `level ${l} ${m.atLevel[l].numerator}`).join(', ')})` : ''),
  );
  return {
    series: LEVELS.map((l) => `Level ${l}`),
    colours: LEVELS.map((l) => bandColour(l - 1, LEVELS.length)),
    rows,
    summary: `Level of need at first assessment by month. ${words.join('; ')}.`,
  };
}

/** Level 4 confirmations each month. */
export function levelFourTable(months: readonly EscalationMonth[]): MonthlyTable {
  return {
    series: ['Level 4 confirmations'],
    colours: [bandColour(3, 4)],
    rows: months.map((m) => ({ month: m.month, counts: [m.level4Assessments] })),
    summary: `Level 4 confirmations by month. ${months
      .map((m) => `${monthLabel(m.month)}: ${m.level4Assessments}`)
      .join('; ')}.`,
  };
}

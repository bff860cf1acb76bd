// The monthly measures as rows of counts per series, for the stacked bar chart, its spoken summary and its table.
import { bandColour } from '../questionnaires/trend-geometry.ts';
import type { NumberTable } from './number-table.ts';
import type { EscalationMonth, FirstLevelMonth, SeriesMonth } from './outcome-types.ts';

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
const LEVEL_COLOURS = LEVELS.map((l) => bandColour(l - 1, LEVELS.length));

/** Months of per-level counts as a stacked table, levels 1 to 4. */
function levelTable(title: string, rows: MonthRow[]): MonthlyTable {
  const words = rows.map((r) => {
    const people = r.counts.reduce((a, b) => a + b, 0);
    return (
      `${monthLabel(r.month)}: ${people} ${people === 1 ? 'person' : 'people'}` +
      (people > 0 ? ` (${LEVELS.map((l, i) => `level ${l} ${r.counts[i] ?? 0}`).join(', ')})` : '')
    );
  });
  return {
    series: LEVELS.map((l) => `Level ${l}`),
    colours: LEVEL_COLOURS,
    rows,
    summary: `${title}. ${words.join('; ')}.`,
  };
}

/** People first assessed each month, split by their confirmed level (the measure's own count). */
export function firstLevelTable(months: readonly FirstLevelMonth[]): MonthlyTable {
  return levelTable(
    'Level of need at first assessment by month',
    months.map((m) => ({ month: m.month, counts: LEVELS.map((l) => m.atLevel[l].numerator) })),
  );
}

/** People whose first ever decided assessment fell in each month, by confirmed level (the dashboard series). */
export function seriesLevelTable(months: readonly SeriesMonth[]): MonthlyTable {
  return levelTable(
    'Level at first assessment by month',
    months.map((m) => ({ month: m.month, counts: [...m.firstAssessed] })),
  );
}

function countTable(title: string, colour: string, months: readonly { month: string; n: number }[]) {
  return {
    series: [title],
    colours: [colour],
    rows: months.map((m) => ({ month: m.month, counts: [m.n] })),
    summary: `${title} by month. ${months.map((m) => `${monthLabel(m.month)}: ${m.n}`).join('; ')}.`,
  };
}

/** Level 4 confirmations each month. */
export function levelFourTable(months: readonly EscalationMonth[]): MonthlyTable {
  return countTable(
    'Level 4 confirmations',
    bandColour(3, 4),
    months.map((m) => ({ month: m.month, n: m.level4Assessments })),
  );
}

/** Crisis events each month. */
export function crisisTable(months: readonly EscalationMonth[]): MonthlyTable {
  return countTable(
    'Crisis events',
    '#6a3d9a',
    months.map((m) => ({ month: m.month, n: m.crisisEvents })),
  );
}

/** A monthly table as the rows of "Show the numbers", with a total column when there are several series. */
export function monthlyNumbers(table: MonthlyTable, caption: string): NumberTable {
  const several = table.series.length > 1;
  return {
    caption,
    columns: ['Month', ...table.series, ...(several ? ['Total'] : [])],
    rows: table.rows.map((r) => ({
      label: monthLabel(r.month),
      cells: [...r.counts, ...(several ? [r.counts.reduce((a, b) => a + b, 0)] : [])],
    })),
  };
}

// What every table builder shares: column constructors, the builder's context and rows of shares.
import type { MeasureId } from './definitions.ts';
import type {
  ColumnFormat,
  MeasureValues,
  ReportTable,
  ReportTablesInput,
  TableCell,
  TableColumn,
} from './report-tables-model.ts';
import { isHidden, SUPPRESSED, sum, type Publisher } from './report-tables-publisher.ts';
import type { Proportion } from './results.ts';

const column = (key: string, heading: string, format: ColumnFormat): TableColumn => ({
  key,
  heading,
  format,
});
/** Column constructors, one per format. */
export const text = (key: string, heading: string) => column(key, heading, 'text');
export const count = (key: string, heading: string) => column(key, heading, 'count');
export const share = (key: string, heading: string) => column(key, heading, 'share');
export const decimal = (key: string, heading: string) => column(key, heading, 'decimal');
/** The two columns of a share's 95 % interval. */
export const CI = [share('lower95', '95% interval, lower'), share('upper95', '95% interval, upper')] as const;

/** A table before its `suppressed` flag is read off its rows. */
export type Draft = Omit<ReportTable, 'suppressed'>;

/** What a table builder gets: the report's measure values, the series, the publisher and practitioner labels. */
export interface Context {
  readonly input: ReportTablesInput;
  readonly publish: Publisher;
  readonly practitioner: (id: string) => string;
  readonly value: <K extends MeasureId>(id: K) => MeasureValues[K] | undefined;
}

/** Rows of shares that partition a total: numerator and its complement per row, with a total row. */
export function proportionRows(
  ctx: Context,
  groups: readonly { readonly label: string; readonly p: Proportion }[],
  totalLabel: string | null,
): TableCell[][] {
  const grid = ctx.publish.grid(groups.map(({ p }) => [p.numerator, p.denominator - p.numerator]));
  const row = (
    label: string,
    num: number,
    den: number,
    numCell: TableCell,
    denCell: TableCell,
    fewPeople: boolean,
  ) => {
    const hidden = isHidden(numCell) || isHidden(denCell) || fewPeople;
    return [
      label,
      // A count already hidden keeps its marker; a count of 5 or more from 1–4 people is withheld.
      fewPeople && !isHidden(denCell) ? SUPPRESSED : denCell,
      fewPeople && !isHidden(numCell) ? SUPPRESSED : numCell,
      ctx.publish.share(num, den, hidden),
      ...ctx.publish.interval(num, den, hidden),
    ];
  };
  // Counts of assessments or reviews from 1–4 people are withheld however large they are.
  const few = groups.map(({ p }) => ctx.publish.withheld([], false, p.people));
  const rows = groups.map(({ label, p }, i) =>
    row(
      label,
      p.numerator,
      p.denominator,
      grid.cells[i]?.[0] ?? null,
      grid.rowTotals[i] ?? null,
      few[i] ?? false,
    ),
  );
  if (totalLabel === null || groups.length === 0) return rows;
  const num = sum(groups.map((g) => g.p.numerator));
  const den = sum(groups.map((g) => g.p.denominator));
  // A group withheld for its few people could be worked out from the total by subtraction, so the total
  // goes with it.
  const totalHidden = few.some(Boolean);
  return [...rows, row(totalLabel, num, den, grid.columnTotals[0] ?? null, grid.grandTotal, totalHidden)];
}

/** The levels an assessment proposes and confirms. */
export const LEVELS = [1, 2, 3, 4] as const;
/** "Practitioner 2" before "Practitioner 10". */
export const byLabel = (a: { readonly label: string }, b: { readonly label: string }): number =>
  a.label.localeCompare(b.label, 'en', { numeric: true });

/** The columns of a table of shares: the group, its count, the part counted, the share and its interval. */
export const SHARE_COLUMNS = (what: string, of: string, part: string) => [
  text(what, of),
  count('denominator', 'Counted'),
  count('numerator', part),
  share('share', 'Share'),
  ...CI,
];

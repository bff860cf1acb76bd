// What may leave the team: the suppression markers and the publisher that applies them to every number.
import { wilsonInterval } from './intervals.ts';
import type { TableCell } from './report-tables-model.ts';
import type { PeopleBehind } from './results.ts';
import { suppressTable } from './suppression.ts';

/** The published marker for a share, mean, median or kappa that rests on a count from 1 to 4. */
export const SUPPRESSED = 'suppressed (n<5)';
/** Counts below this (and above 0) are not published outside the team (after NHS/OHID practice). */
const MINIMUM = 5;
const isSmall = (n: number): boolean => n > 0 && n < MINIMUM;
/** True for a count cell published as a marker instead of a number. */
export const isHidden = (cell: TableCell): boolean => typeof cell === 'string';
const MARKERS: readonly TableCell[] = [SUPPRESSED, `<${MINIMUM}`, '*'];
/** True for a cell that holds a suppression marker rather than a number or a label. */
export const isMarker = (cell: TableCell): boolean => MARKERS.includes(cell);
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
/** The total of some counts. */
export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** A grid of counts as published: cells, row totals, column totals and grand total. */
export interface PublishedGrid {
  readonly cells: readonly (readonly TableCell[])[];
  readonly rowTotals: readonly TableCell[];
  readonly columnTotals: readonly TableCell[];
  readonly grandTotal: TableCell;
}

/** Publishes numbers for one audience; every rule of what may leave the team lives here. */
export class Publisher {
  constructor(readonly external: boolean) {}

  /**
   * One count with no total beside it: 1–4 becomes `<5`. When the count is not of people (symptoms,
   * appointments, reviews), `people` is the number of distinct people behind it, and 1–4 people withholds it
   * however large the count: six symptoms of one person are one person.
   */
  count(n: number, people?: number): TableCell {
    if (this.external && isSmall(n)) return `<${MINIMUM}`;
    return this.external && people !== undefined && isSmall(people) ? SUPPRESSED : n;
  }

  /** A grid with its margins; outside the team, `suppressTable` hides small counts and what would reveal them. */
  grid(counts: readonly (readonly number[])[]): PublishedGrid {
    if (this.external) return suppressTable(counts, MINIMUM);
    const columns = Math.max(0, ...counts.map((row) => row.length));
    const columnTotals = Array.from({ length: columns }, (_, j) => sum(counts.map((row) => row[j] ?? 0)));
    return { cells: counts, rowTotals: counts.map(sum), columnTotals, grandTotal: sum(columnTotals) };
  }

  /** A list of counts and its total (one column of a table with a total row). */
  line(counts: readonly number[]): { readonly cells: readonly TableCell[]; readonly total: TableCell } {
    const grid = this.grid(counts.map((n) => [n]));
    return { cells: grid.cells.map((row) => row[0] ?? null), total: grid.columnTotals[0] ?? 0 };
  }

  /**
   * Whether a statistic over these counts must be withheld: one is 1–4, one was hidden in its table, or the
   * counts are not people and 1–4 distinct people are behind either of them.
   */
  withheld(counts: readonly number[], hidden = false, people?: PeopleBehind): boolean {
    const fewPeople = people !== undefined && (isSmall(people.numerator) || isSmall(people.denominator));
    return this.external && (hidden || fewPeople || counts.some(isSmall));
  }

  /** A share 0–1 to 3 places; null when the denominator is 0. */
  share(numerator: number, denominator: number, hidden = false, people?: PeopleBehind): TableCell {
    if (denominator === 0) return null;
    if (this.withheld([numerator, denominator], hidden, people)) return SUPPRESSED;
    return round(numerator / denominator, 3);
  }

  /** The share's 95 % Wilson interval (lower, upper), withheld with the share. */
  interval(
    numerator: number,
    denominator: number,
    hidden = false,
    people?: PeopleBehind,
  ): [TableCell, TableCell] {
    const ci = wilsonInterval(numerator, denominator);
    if (!ci.ok) return [null, null];
    if (this.withheld([numerator, denominator], hidden, people)) return [SUPPRESSED, SUPPRESSED];
    return [round(ci.value.lower, 3), round(ci.value.upper, 3)];
  }

  /** A mean, median, level or kappa over `n`: withheld when `n` is 1–4 outside the team. */
  statistic(value: number | null, n: number, digits = 1, hidden = false): TableCell {
    if (value === null) return null;
    return this.withheld([n], hidden) ? SUPPRESSED : round(value, digits);
  }
}

// Small-count suppression for tables leaving the team: hide counts of 1–4, then hide enough more that no
// hidden count can be worked back out from a published total.

/** A count as published: the number, `<5` for a small count, or `*` for a count hidden to protect one. */
export type PublishedCount = number | `<${number}` | '*';

/** A table of counts with row, column and grand totals, ready to publish. */
export interface PublishedTable {
  readonly cells: readonly (readonly PublishedCount[])[];
  readonly rowTotals: readonly PublishedCount[];
  readonly columnTotals: readonly PublishedCount[];
  readonly grandTotal: PublishedCount;
}

type Status = 'shown' | 'small' | 'protecting';

interface Entry {
  readonly value: number;
  status: Status;
}

/** The table with its margins as one (rows + 1) × (columns + 1) grid; the last row and column are totals. */
function withMargins(counts: readonly (readonly number[])[], minimum: number): Entry[][] {
  const columns = Math.max(0, ...counts.map((row) => row.length));
  const body = counts.map((row) => Array.from({ length: columns }, (_, j) => row[j] ?? 0));
  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  const rows = body.map((row) => [...row, sum(row)]);
  const totals = Array.from({ length: columns + 1 }, (_, j) => sum(rows.map((row) => row[j] ?? 0)));
  return [...rows, totals].map((row) =>
    row.map((value) => ({ value, status: value > 0 && value < minimum ? 'small' : 'shown' })),
  );
}

/** Each line of the grid (every row and column, margins included) as its parts followed by its total. */
function linesOf(grid: Entry[][]): Entry[][] {
  const columns = grid[0]?.length ?? 0;
  const cols = Array.from({ length: columns }, (_, j) => grid.flatMap((row) => row.slice(j, j + 1)));
  return [...grid, ...cols];
}

/** Publishes one entry. */
function shown(entry: Entry, minimum: number): PublishedCount {
  if (entry.status === 'small') return `<${minimum}`;
  return entry.status === 'protecting' ? '*' : entry.value;
}

/**
 * Suppresses a table of whole-number counts for publication outside the team (KASPR's rule, after the
 * NHS/OHID practice of suppressing counts under 5):
 * 1. Primary: any count from 1 to `minimum` − 1, cell or total, is shown as `<5`. Zero is shown as 0,
 *    because a known absence reveals no one.
 * 2. Secondary: a line (a row or column with its total, the margins included) with exactly one hidden entry
 *    would give it away by subtraction, so the smallest non-zero shown part of that line is hidden too
 *    (shown as `*`), or its total when no part can be; repeated until no line has exactly one hidden entry.
 * This stops recovery from any single line; it is not a full audit against combinations of lines.
 */
export function suppressTable(counts: readonly (readonly number[])[], minimum = 5): PublishedTable {
  const grid = withMargins(counts, minimum);
  const lines = linesOf(grid);
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.filter((e) => e.status !== 'shown').length !== 1) continue;
      const candidates = line.filter((e) => e.status === 'shown' && e.value > 0);
      const parts = candidates.filter((e) => e !== line[line.length - 1]);
      const pick = [...(parts.length > 0 ? parts : candidates)].sort((a, b) => a.value - b.value)[0];
      if (pick === undefined) continue;
      pick.status = 'protecting';
      changed = true;
    }
  }
  const publish = (row: readonly Entry[]): PublishedCount[] => row.map((e) => shown(e, minimum));
  const body = grid.slice(0, -1);
  const margin = grid[grid.length - 1] ?? [];
  return {
    cells: body.map((row) => publish(row.slice(0, -1))),
    rowTotals: body.map((row) => publish(row.slice(-1))[0] ?? 0),
    columnTotals: publish(margin.slice(0, -1)),
    grandTotal: publish(margin.slice(-1))[0] ?? 0,
  };
}

/** Suppresses one list of counts and its total, by the same rule as `suppressTable`. */
export function suppressCounts(
  counts: readonly number[],
  minimum = 5,
): { readonly counts: readonly PublishedCount[]; readonly total: PublishedCount } {
  const table = suppressTable([counts], minimum);
  return { counts: table.cells[0] ?? [], total: table.rowTotals[0] ?? 0 };
}

// The consistency tables: override rates by practitioner and team, confirmed levels per proposed level.
import type { LevelSpreadReport } from './consistency.ts';
import { byLabel, count, LEVELS, proportionRows, share, SHARE_COLUMNS, text } from './report-tables-cells.ts';
import type { Context, Draft } from './report-tables-cells.ts';
import type { TableCell } from './report-tables-model.ts';
import { isHidden } from './report-tables-publisher.ts';
import type { Grouped, Proportion } from './results.ts';

/** Override rates by practitioner and by team. */
export function overrideTables(ctx: Context): Draft[] {
  const rates = ctx.value('override-rate');
  const groups = (list: readonly Grouped<Proportion>[] | undefined, label: (key: string) => string) =>
    (list ?? []).map((g) => ({ label: label(g.key), p: g.result }));
  const byPractitioner = groups(rates?.byPractitioner, ctx.practitioner);
  return [
    {
      id: 'override-rate-by-practitioner',
      title: 'Override rate by practitioner',
      measureIds: ['override-rate'],
      columns: SHARE_COLUMNS('practitioner', 'Practitioner', 'Overridden'),
      rows: proportionRows(ctx, [...byPractitioner].sort(byLabel), 'All practitioners'),
    },
    {
      id: 'override-rate-by-team',
      title: 'Override rate by team',
      measureIds: ['override-rate'],
      columns: SHARE_COLUMNS('team', 'Team', 'Overridden'),
      rows: proportionRows(
        ctx,
        groups(rates?.byTeam, (key) => key),
        'All teams',
      ),
    },
  ];
}

/** Confirmed levels for each proposed level, and how often pairs of practitioners disagree. */
export function levelSpreadTable(ctx: Context): Draft {
  const spread = ctx.value('level-spread');
  const { publish } = ctx;
  const counts = LEVELS.map((p) => LEVELS.map((c) => spread?.byProposedLevel[p].confirmed[c] ?? 0));
  const grid = publish.grid(counts);
  const diagonalHidden = LEVELS.some((_, i) => isHidden(grid.cells[i]?.[i] ?? null));
  const row = (
    label: string,
    total: TableCell,
    cells: readonly TableCell[],
    s: LevelSpreadReport['pooled'],
    hidden: boolean,
  ): TableCell[] => {
    const differing = s.differingFromProposal;
    const pairs = s.pairsDisagreeing;
    return [
      label,
      total,
      ...cells,
      publish.share(differing.numerator, differing.denominator, hidden || isHidden(total)),
      publish.count(pairs.denominator),
      publish.share(pairs.numerator, pairs.denominator, isHidden(total)),
    ];
  };
  const rows =
    spread === undefined
      ? []
      : [
          ...LEVELS.map((l, i) =>
            row(
              `Proposed level ${l}`,
              grid.rowTotals[i] ?? null,
              grid.cells[i] ?? [],
              spread.byProposedLevel[l],
              (grid.cells[i] ?? []).some(isHidden),
            ),
          ),
          row('All proposed levels', grid.grandTotal, grid.columnTotals, spread.pooled, diagonalHidden),
        ];
  return {
    id: 'level-spread-by-proposed-level',
    title: 'Confirmed levels for each proposed level',
    measureIds: ['level-spread'],
    columns: [
      text('proposedLevel', 'Proposed level'),
      count('assessments', 'Assessments'),
      ...LEVELS.map((l) => count(`confirmed${l}`, `Confirmed ${l}`)),
      share('differingFromProposal', 'Share confirmed at another level'),
      count('pairs', 'Pairs by different practitioners'),
      share('pairsDisagreeing', 'Share of pairs disagreeing'),
    ],
    rows,
  };
}

// The calibration tables: how far the team agreed on each vignette, each practitioner against the reference.
import { byLabel, decimal, proportionRows, share, SHARE_COLUMNS, text } from './report-tables-cells.ts';
import type { Context, Draft } from './report-tables-cells.ts';
import { isHidden, SUPPRESSED } from './report-tables-publisher.ts';
import type { Computed } from './results.ts';

/** Agreement on each calibration vignette; each practitioner against the reference and the rules engine. */
export function calibrationTables(ctx: Context): Draft[] {
  const { publish } = ctx;
  const practitioners = ctx.value('calibration-cohen-kappa') ?? [];
  const vignettes = ctx.value('calibration-split-vignettes') ?? [];
  // Per-vignette agreement shows how individual raters answered; with fewer than 5 raters it stays in the team.
  const raters = practitioners.length;
  const groups = practitioners.map((p) => ({
    label: ctx.practitioner(p.practitionerId),
    p: p.withReference,
    a: p,
  }));
  const sorted = [...groups].sort(byLabel);
  const shareRows = proportionRows(ctx, sorted, 'All practitioners');
  const kappa = (k: Computed<{ readonly kappa: number }>, n: number, hidden: boolean) =>
    k.ok ? publish.statistic(k.value.kappa, n, 3, hidden) : null;
  return [
    {
      id: 'calibration-vignettes',
      title: 'Calibration vignettes: how far the team agreed on each',
      measureIds: ['calibration-split-vignettes'],
      columns: [
        text('vignette', 'Vignette'),
        share('agreement', 'Share of rater pairs agreeing'),
        text('splitsTeam', 'Splits the team'),
      ],
      rows: vignettes.map((v) => [
        v.title,
        publish.statistic(v.agreement, raters, 3),
        publish.withheld([raters]) ? SUPPRESSED : v.splitsTeam ? 'yes' : 'no',
      ]),
    },
    {
      id: 'calibration-practitioners',
      title: 'Calibration: each practitioner against the reference rating and the rules engine',
      measureIds: ['calibration-cohen-kappa'],
      columns: [
        ...SHARE_COLUMNS('practitioner', 'Practitioner', 'Matching the reference'),
        decimal('kappaWithReference', 'Cohen kappa with the reference'),
        decimal('kappaWithEngine', 'Cohen kappa with the rules engine'),
        text('note', 'Note'),
      ],
      rows: shareRows.map((cells, i) => {
        const one = sorted[i];
        if (one === undefined) return [...cells, null, null, null];
        const hidden = isHidden(cells[1] ?? null) || isHidden(cells[2] ?? null);
        const n = one.p.denominator;
        // Why a kappa should not be read as agreement (too few vignettes, none matching), once per reason.
        const warnings = [...one.a.warningsWithReference, ...one.a.warningsWithEngine];
        const note = [...new Set(warnings.map((w) => w.text))].join(' ');
        return [
          ...cells,
          kappa(one.a.kappaWithReference, n, hidden),
          kappa(one.a.kappaWithEngine, n, hidden),
          hidden || note === '' ? null : note,
        ];
      }),
    },
  ];
}

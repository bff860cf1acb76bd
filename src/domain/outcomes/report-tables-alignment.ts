// Alignment and escalation tables: care plans against their level, referral times, level changes at review.
import { CI, count, proportionRows, share, SHARE_COLUMNS, text } from './report-tables-cells.ts';
import type { Context, Draft } from './report-tables-cells.ts';
import type { TableCell } from './report-tables-model.ts';
import { isHidden, SUPPRESSED } from './report-tables-publisher.ts';

/** Care plans that match their level, and the interventions missing from those that do not. */
export function carePlanTables(ctx: Context): Draft[] {
  const alignment = ctx.value('care-plan-matches-level');
  const groups = (alignment?.byLevel ?? []).map((g) => ({ label: `Level ${g.key}`, p: g.result }));
  const rows = proportionRows(ctx, groups, 'All levels');
  const undefinedLevel = alignment?.plansWithUndefinedLevel ?? 0;
  return [
    {
      id: 'care-plan-alignment-by-level',
      title: 'Care plans that carry every intervention listed for their level',
      measureIds: ['care-plan-matches-level'],
      columns: SHARE_COLUMNS('level', 'Level', 'Matching'),
      rows:
        undefinedLevel === 0
          ? rows
          : [
              ...rows,
              ['Level not in the content pack', ctx.publish.count(undefinedLevel), null, null, null, null],
            ],
    },
    {
      id: 'care-plan-missing-interventions',
      title: 'Interventions missing from care plans that fell short',
      measureIds: ['care-plan-matches-level'],
      columns: [text('intervention', 'Intervention'), count('plans', 'Plans missing it')],
      rows: (alignment?.missing ?? []).map((m) => [m.intervention, ctx.publish.count(m.plans)]),
    },
  ];
}

/** Level 3–4 onward referrals against their target times. */
export function referralTable(ctx: Context): Draft {
  const r = ctx.value('referral-within-target');
  const { publish } = ctx;
  const rows: TableCell[][] = [];
  if (r !== undefined) {
    const onTime = r.withinTarget.numerator;
    const late = r.withinTarget.denominator - onTime;
    const line = publish.line([onTime, late, r.pending]);
    const hidden = line.cells.slice(0, 2).some(isHidden);
    const den = r.withinTarget.denominator;
    rows.push([
      'Level 3–4 referrals',
      ...line.cells,
      line.total,
      publish.share(onTime, den, hidden),
      ...publish.interval(onTime, den, hidden),
    ]);
  }
  return {
    id: 'referral-timeliness',
    title: 'Level 3–4 onward referrals and their target times',
    measureIds: ['referral-within-target'],
    columns: [
      text('referrals', 'Referrals'),
      count('withinTarget', 'Made within target'),
      count('lateOrOverdue', 'Made late or overdue'),
      count('pending', 'Not yet due'),
      count('total', 'Total'),
      share('shareWithinTarget', 'Share within target'),
      ...CI,
    ],
    rows,
  };
}

/** How the confirmed level moved at review. */
export function levelChangesTable(ctx: Context): Draft {
  const c = ctx.value('level-rose-at-review') ?? ctx.value('level-fell-at-review');
  const { publish } = ctx;
  const parts =
    c === undefined
      ? []
      : ([
          ['Rose', c.rose],
          ['Fell', c.fell],
          ['Unchanged', c.unchanged],
        ] as const);
  const line = publish.line(parts.map(([, p]) => p.numerator));
  // Reviews, not people: when 1–4 people are behind any of the counts, every count goes (one hidden part
  // could be worked out from the others).
  const fewPeople = parts.some(([, p]) => publish.withheld([], false, p.people));
  return {
    id: 'level-changes-at-review',
    title: 'How the confirmed level moved at review',
    measureIds: ['level-rose-at-review', 'level-fell-at-review'],
    columns: SHARE_COLUMNS('change', 'Change at review', 'Reviews with this change'),
    rows: parts.map(([label, p], i) => {
      const cell = line.cells[i] ?? null;
      const hidden = isHidden(cell) || isHidden(line.total) || fewPeople;
      return [
        label,
        fewPeople && !isHidden(line.total) ? SUPPRESSED : line.total,
        fewPeople && !isHidden(cell) ? SUPPRESSED : cell,
        publish.share(p.numerator, p.denominator, hidden),
        ...publish.interval(p.numerator, p.denominator, hidden),
      ];
    }),
  };
}

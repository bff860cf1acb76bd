// The clinical outcome tables: change from baseline to the latest value, and PHQ-9 response and remission.
import { count, decimal, SHARE_COLUMNS, text, type Context, type Draft } from './report-tables-cells.ts';
import type { TableCell } from './report-tables-model.ts';

const CHANGES = [
  ['change-days-used', 'Days used (of 28)'],
  ['change-sds', 'SDS total'],
  ['change-phq9', 'PHQ-9 total'],
  ['change-urinary-symptoms', 'Urinary symptoms (of 7)'],
] as const;

/** Change from baseline to the latest value, one row per outcome. */
export function changeTable(ctx: Context): Draft {
  const { publish } = ctx;
  const rows = CHANGES.flatMap(([id, label]): TableCell[][] => {
    const c = ctx.value(id);
    if (c === undefined) return [];
    const n = c.change.n;
    return [
      [
        label,
        publish.count(n),
        publish.statistic(c.change.mean, n),
        publish.statistic(c.change.median, n),
        publish.statistic(c.baselineMean, n),
        publish.statistic(c.latestMean, n),
        publish.count(c.withoutFollowUp),
      ],
    ];
  });
  return {
    id: 'change-from-baseline',
    title: 'Change from baseline to the latest value',
    measureIds: CHANGES.map(([id]) => id),
    columns: [
      text('outcome', 'Outcome'),
      count('people', 'People with a baseline and a later value'),
      decimal('meanChange', 'Mean change'),
      decimal('medianChange', 'Median change'),
      decimal('baselineMean', 'Mean at baseline'),
      decimal('latestMean', 'Mean at latest'),
      count('withoutFollowUp', 'Without a follow-up'),
    ],
    rows,
  };
}

/** PHQ-9 response and remission. */
export function phq9Table(ctx: Context): Draft {
  const { publish } = ctx;
  const parts = [
    ['Response (fell by half or more)', ctx.value('phq9-response')],
    ['Remission (below 5)', ctx.value('phq9-remission')],
  ] as const;
  return {
    id: 'phq9-response-remission',
    title: 'PHQ-9 response and remission',
    measureIds: ['phq9-response', 'phq9-remission'],
    columns: SHARE_COLUMNS('outcome', 'Outcome', 'People meeting it'),
    rows: parts.flatMap(([label, p]) =>
      p === undefined
        ? []
        : [
            [
              label,
              publish.count(p.denominator),
              publish.count(p.numerator),
              publish.share(p.numerator, p.denominator),
              ...publish.interval(p.numerator, p.denominator),
            ],
          ],
    ),
  };
}

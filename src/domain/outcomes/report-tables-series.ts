// The tables from the dashboard's SQL series: activity and first levels by month, the funnel, the teams.
import { count, LEVELS, share, text, type Context, type Draft } from './report-tables-cells.ts';
import type { FunnelInput, SeriesMonthInput, TableCell } from './report-tables-model.ts';

/** Activity by month, with a total row. */
export function monthlyActivityTable(ctx: Context): Draft {
  const { months } = ctx.input.series;
  const { publish } = ctx;
  const columnOf = (of: (m: SeriesMonthInput) => number) => publish.line(months.map(of));
  const newPatients = columnOf((m) => m.newPatients);
  const assessments = columnOf((m) => m.assessments);
  const overrides = columnOf((m) => m.overrides);
  const level4 = columnOf((m) => m.level4);
  const crisis = columnOf((m) => m.crisisEvents);
  // Booked = attended + did not attend + the rest (still open, cancelled late...): one line per month, so that a
  // hidden did-not-attend count cannot be worked out from the booked and attended counts.
  const appointments = publish.grid(
    months.map((m) => [m.attended, m.didNotAttend, Math.max(0, m.booked - m.attended - m.didNotAttend)]),
  );
  const rows = months.map((m, i): TableCell[] => [
    m.month,
    newPatients.cells[i] ?? null,
    assessments.cells[i] ?? null,
    overrides.cells[i] ?? null,
    level4.cells[i] ?? null,
    appointments.rowTotals[i] ?? null,
    appointments.cells[i]?.[0] ?? null,
    appointments.cells[i]?.[1] ?? null,
    crisis.cells[i] ?? null,
  ]);
  const total: TableCell[] = [
    'Total',
    newPatients.total,
    assessments.total,
    overrides.total,
    level4.total,
    appointments.grandTotal,
    appointments.columnTotals[0] ?? null,
    appointments.columnTotals[1] ?? null,
    crisis.total,
  ];
  return {
    id: 'monthly-activity',
    title: 'Activity by month',
    measureIds: [
      'override-rate',
      'attended-of-booked',
      'did-not-attend-rate',
      'level-4-per-month',
      'crisis-events-per-month',
    ],
    columns: [
      text('month', 'Month'),
      count('newPatients', 'New patients'),
      count('assessments', 'Assessments'),
      count('overrides', 'Overrides'),
      count('level4', 'Level 4 confirmed'),
      count('booked', 'Appointments booked'),
      count('attended', 'Attended'),
      count('didNotAttend', 'Did not attend'),
      count('crisisEvents', 'Crisis events'),
    ],
    rows: months.length === 0 ? [] : [...rows, total],
  };
}

/** People first assessed, by month and confirmed level. */
export function firstLevelTable(ctx: Context): Draft {
  const { months } = ctx.input.series;
  const grid = ctx.publish.grid(months.map((m) => LEVELS.map((_, j) => m.firstAssessed[j] ?? 0)));
  const rows = months.map((m, i): TableCell[] => [
    m.month,
    ...(grid.cells[i] ?? []),
    grid.rowTotals[i] ?? null,
  ]);
  return {
    id: 'first-level-by-month',
    title: 'People first assessed, by month and confirmed level',
    measureIds: ['first-level-by-month'],
    columns: [
      text('month', 'Month'),
      ...LEVELS.map((l) => count(`level${l}`, `Level ${l}`)),
      count('total', 'Total'),
    ],
    rows: months.length === 0 ? [] : [...rows, ['Total', ...grid.columnTotals, grid.grandTotal]],
  };
}

const FUNNEL_STEPS: readonly (readonly [keyof FunnelInput, string])[] = [
  ['inContact', 'In contact with the service'],
  ['assessed', 'Assessed'],
  ['harmIdentified', 'Harm identified'],
  ['carePlanned', 'Care plan agreed'],
  ['interventionDelivered', 'Intervention delivered'],
];

/** People at each step from contact to intervention. */
export function funnelTable(ctx: Context): Draft {
  const { funnel } = ctx.input.series;
  const { publish } = ctx;
  const first = funnel.inContact;
  return {
    id: 'identification-funnel',
    title: 'From identification to intervention: people at each step',
    measureIds: ['identification-funnel'],
    columns: [
      text('step', 'Step'),
      count('people', 'People'),
      share('shareOfInContact', 'Share of people in contact'),
    ],
    rows: FUNNEL_STEPS.map(([key, label]) => [
      label,
      publish.count(funnel[key]),
      publish.share(funnel[key], first),
    ]),
  };
}

/** Teams side by side, with a row for all teams. */
export function teamsTable(ctx: Context): Draft {
  const { teams } = ctx.input.series;
  const keys = ['patients', 'assessments', 'overrides', 'attended', 'didNotAttend'] as const;
  const columns = keys.map((key) => ctx.publish.line(teams.map((t) => t[key])));
  const rows = teams.map((t, i): TableCell[] => [t.name, ...columns.map((c) => c.cells[i] ?? null)]);
  return {
    id: 'teams',
    title: 'Teams side by side',
    measureIds: ['identification-funnel', 'override-rate', 'did-not-attend-rate'],
    columns: [
      text('team', 'Team'),
      count('patients', 'People in contact'),
      count('assessments', 'Assessments'),
      count('overrides', 'Overrides'),
      count('attended', 'Appointments attended'),
      count('didNotAttend', 'Did not attend'),
    ],
    rows: teams.length === 0 ? [] : [...rows, ['All teams', ...columns.map((c) => c.total)]],
  };
}

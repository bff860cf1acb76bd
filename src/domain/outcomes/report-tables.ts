// Every table of the service outcomes dashboard as plain rows for CSV, PDF and screen, with small counts
// suppressed when the tables leave the team.
import type { CarePlanAlignment, ReferralTimeliness } from './alignment.ts';
import type { PractitionerAgreement } from './calibration.ts';
import type { ChangeFromBaseline } from './change.ts';
import type { LevelSpreadReport, OverrideRates } from './consistency.ts';
import { measureDefinition, type MeasureId } from './definitions.ts';
import type { TimeInTreatment } from './engagement.ts';
import type { EscalationMonth, LevelChanges } from './escalation.ts';
import type { FirstLevelMonth } from './identification.ts';
import { wilsonInterval } from './intervals.ts';
import type { FleissKappa } from './kappa.ts';
import type { Computed, Grouped, Proportion, Summary } from './results.ts';
import { suppressTable } from './suppression.ts';

/** Who a set of tables is for: `team` sees every number; `external` (a board, a commissioner) sees counts ≥ 5. */
export type Audience = 'team' | 'external';

/** The stable ids of the tables, in the order the dashboard and the PDF show them. */
export const reportTableIds = [
  'summary',
  'monthly-activity',
  'first-level-by-month',
  'identification-funnel',
  'override-rate-by-practitioner',
  'override-rate-by-team',
  'level-spread-by-proposed-level',
  'care-plan-alignment-by-level',
  'care-plan-missing-interventions',
  'referral-timeliness',
  'level-changes-at-review',
  'change-from-baseline',
  'phq9-response-remission',
  'teams',
  'calibration-vignettes',
  'calibration-practitioners',
] as const;
export type ReportTableId = (typeof reportTableIds)[number];

/** How a column's numbers read: a share is 0–1, a decimal is a mean, median, level or kappa. */
export type ColumnFormat = 'text' | 'count' | 'share' | 'decimal';
export type TableCell = string | number | null;

export interface TableColumn {
  readonly key: string;
  readonly heading: string;
  readonly format: ColumnFormat;
}

/** One published table: its rows line up with its columns; `suppressed` says whether any number was held back. */
export interface ReportTable {
  readonly id: ReportTableId;
  readonly title: string;
  readonly measureIds: readonly MeasureId[];
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
  readonly suppressed: boolean;
}

/** One month of the dashboard's SQL series (as `src/store/outcome-series.ts` returns it). */
export interface SeriesMonthInput {
  readonly month: string;
  readonly newPatients: number;
  /** People first assessed in the month at confirmed levels 1 to 4. */
  readonly firstAssessed: readonly number[];
  readonly assessments: number;
  readonly overrides: number;
  readonly level4: number;
  readonly booked: number;
  readonly attended: number;
  readonly didNotAttend: number;
  readonly crisisEvents: number;
}

/** Distinct people at each step from contact to intervention. */
export interface FunnelInput {
  readonly inContact: number;
  readonly assessed: number;
  readonly harmIdentified: number;
  readonly carePlanned: number;
  readonly interventionDelivered: number;
}

export interface TeamRowInput {
  readonly serviceId: string;
  readonly name: string;
  readonly patients: number;
  readonly assessments: number;
  readonly overrides: number;
  readonly attended: number;
  readonly didNotAttend: number;
}

/** What the tables are made from: the service outcomes report's measures, series and practitioner names. */
export interface ReportTablesInput {
  readonly measures: readonly { readonly id: MeasureId; readonly value: unknown }[];
  readonly series: {
    readonly months: readonly SeriesMonthInput[];
    readonly funnel: FunnelInput;
    readonly practitioners: readonly { readonly practitionerId: string; readonly displayName: string }[];
    readonly teams: readonly TeamRowInput[];
  };
  readonly names?: {
    readonly practitioners: readonly { readonly id: string; readonly displayName: string }[];
  };
}

/** A calibration vignette as the report lists it. */
export interface SplitVignette {
  readonly vignetteId: string;
  readonly title: string;
  readonly agreement: number | null;
  readonly splitsTeam: boolean;
}

/** The value each measure carries in the report (the pairing is made where the report is built). */
interface MeasureValues {
  'days-to-first-sentinel': Summary;
  'sentinel-at-first-assessment': Proportion;
  'first-level-by-month': readonly FirstLevelMonth[];
  'identification-funnel': FunnelInput;
  'override-rate': OverrideRates;
  'level-spread': LevelSpreadReport;
  'calibration-fleiss-kappa': Computed<FleissKappa>;
  'calibration-cohen-kappa': readonly PractitionerAgreement[];
  'calibration-split-vignettes': readonly SplitVignette[];
  'care-plan-matches-level': CarePlanAlignment;
  'referral-within-target': ReferralTimeliness;
  'attended-of-booked': Proportion;
  'did-not-attend-rate': Proportion;
  'time-in-treatment': TimeInTreatment;
  'reviews-on-time': Proportion;
  'contact-gap': Summary;
  'same-key-worker': Proportion;
  'level-rose-at-review': LevelChanges;
  'level-fell-at-review': LevelChanges;
  'level-4-per-month': readonly EscalationMonth[];
  'crisis-events-per-month': readonly EscalationMonth[];
  'change-days-used': ChangeFromBaseline;
  'change-sds': ChangeFromBaseline;
  'change-phq9': ChangeFromBaseline;
  'change-urinary-symptoms': ChangeFromBaseline;
  'phq9-response': Proportion;
  'phq9-remission': Proportion;
}

/** The published marker for a share, mean, median or kappa that rests on a count from 1 to 4. */
export const SUPPRESSED = 'suppressed (n<5)';
/** Counts below this (and above 0) are not published outside the team (after NHS/OHID practice). */
const MINIMUM = 5;
const isSmall = (n: number): boolean => n > 0 && n < MINIMUM;
const isHidden = (cell: TableCell): boolean => typeof cell === 'string';
const MARKERS: readonly TableCell[] = [SUPPRESSED, `<${MINIMUM}`, '*'];
/** True for a cell that holds a suppression marker rather than a number or a label. */
export const isMarker = (cell: TableCell): boolean => MARKERS.includes(cell);
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** A grid of counts as published: cells, row totals, column totals and grand total. */
interface PublishedGrid {
  readonly cells: readonly (readonly TableCell[])[];
  readonly rowTotals: readonly TableCell[];
  readonly columnTotals: readonly TableCell[];
  readonly grandTotal: TableCell;
}

/** Publishes numbers for one audience; every rule of what may leave the team lives here. */
class Publisher {
  constructor(readonly external: boolean) {}

  /** One count with no total beside it: 1–4 becomes `<5`. */
  count(n: number): TableCell {
    return this.external && isSmall(n) ? `<${MINIMUM}` : n;
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

  /** Whether a statistic over these counts must be withheld: one is 1–4, or one was hidden in its table. */
  withheld(counts: readonly number[], hidden = false): boolean {
    return this.external && (hidden || counts.some(isSmall));
  }

  /** A share 0–1 to 3 places; null when the denominator is 0. */
  share(numerator: number, denominator: number, hidden = false): TableCell {
    if (denominator === 0) return null;
    if (this.withheld([numerator, denominator], hidden)) return SUPPRESSED;
    return round(numerator / denominator, 3);
  }

  /** The share's 95 % Wilson interval (lower, upper), withheld with the share. */
  interval(numerator: number, denominator: number, hidden = false): [TableCell, TableCell] {
    const ci = wilsonInterval(numerator, denominator);
    if (!ci.ok) return [null, null];
    if (this.withheld([numerator, denominator], hidden)) return [SUPPRESSED, SUPPRESSED];
    return [round(ci.value.lower, 3), round(ci.value.upper, 3)];
  }

  /** A mean, median, level or kappa over `n`: withheld when `n` is 1–4 outside the team. */
  statistic(value: number | null, n: number, digits = 1, hidden = false): TableCell {
    if (value === null) return null;
    return this.withheld([n], hidden) ? SUPPRESSED : round(value, digits);
  }
}

const column = (key: string, heading: string, format: ColumnFormat): TableColumn => ({
  key,
  heading,
  format,
});
const text = (key: string, heading: string) => column(key, heading, 'text');
const count = (key: string, heading: string) => column(key, heading, 'count');
const share = (key: string, heading: string) => column(key, heading, 'share');
const decimal = (key: string, heading: string) => column(key, heading, 'decimal');
const CI = [share('lower95', '95% interval, lower'), share('upper95', '95% interval, upper')] as const;

type Draft = Omit<ReportTable, 'suppressed'>;

/** What a table builder gets: the report's measure values, the series, the publisher and practitioner labels. */
interface Context {
  readonly input: ReportTablesInput;
  readonly publish: Publisher;
  readonly practitioner: (id: string) => string;
  readonly value: <K extends MeasureId>(id: K) => MeasureValues[K] | undefined;
}

/** Rows of shares that partition a total: numerator and its complement per row, with a total row. */
function proportionRows(
  ctx: Context,
  groups: readonly { readonly label: string; readonly p: Proportion }[],
  totalLabel: string | null,
): TableCell[][] {
  const grid = ctx.publish.grid(groups.map(({ p }) => [p.numerator, p.denominator - p.numerator]));
  const row = (label: string, num: number, den: number, numCell: TableCell, denCell: TableCell) => {
    const hidden = isHidden(numCell) || isHidden(denCell);
    return [
      label,
      denCell,
      numCell,
      ctx.publish.share(num, den, hidden),
      ...ctx.publish.interval(num, den, hidden),
    ];
  };
  const rows = groups.map(({ label, p }, i) =>
    row(label, p.numerator, p.denominator, grid.cells[i]?.[0] ?? null, grid.rowTotals[i] ?? null),
  );
  if (totalLabel === null || groups.length === 0) return rows;
  const num = sum(groups.map((g) => g.p.numerator));
  const den = sum(groups.map((g) => g.p.denominator));
  return [...rows, row(totalLabel, num, den, grid.columnTotals[0] ?? null, grid.grandTotal)];
}

const LEVELS = [1, 2, 3, 4] as const;
/** "Practitioner 2" before "Practitioner 10". */
const byLabel = (a: { readonly label: string }, b: { readonly label: string }): number =>
  a.label.localeCompare(b.label, 'en', { numeric: true });

// ---------------------------------------------------------------- summary: one row per measure

type Headline =
  | { readonly kind: 'share'; readonly statistic: string; readonly p: Proportion }
  | {
      readonly kind: 'statistic';
      readonly statistic: string;
      readonly value: number | null;
      readonly n: number;
      readonly digits: number;
      readonly reason: string | null;
    }
  | { readonly kind: 'count'; readonly statistic: string; readonly count: number };

const shareOf = (statistic: string, p: Proportion): Headline => ({ kind: 'share', statistic, p });
const statistic = (
  name: string,
  value: number | null,
  n: number,
  digits: number,
  reason: string | null,
): Headline => ({
  kind: 'statistic',
  statistic: name,
  value,
  n,
  digits,
  reason,
});
const median = (s: Summary): Headline => statistic('median', s.median, s.n, 1, s.reason?.text ?? null);
const pooled = (parts: readonly Proportion[], what: string): Proportion => {
  const numerator = sum(parts.map((p) => p.numerator));
  const denominator = sum(parts.map((p) => p.denominator));
  return {
    numerator,
    denominator,
    value: denominator === 0 ? null : numerator / denominator,
    reason: denominator === 0 ? { code: 'empty-denominator', text: `No ${what} in the data.` } : null,
  };
};

/** The one number a measure is read by, with the counts it rests on. */
function headlineOf(ctx: Context, id: MeasureId): Headline | undefined {
  const v = ctx.value;
  switch (id) {
    case 'days-to-first-sentinel':
    case 'contact-gap': {
      const s = v(id);
      return s && median(s);
    }
    case 'time-in-treatment': {
      const t = v(id);
      return t && median(t.days);
    }
    case 'sentinel-at-first-assessment':
    case 'attended-of-booked':
    case 'did-not-attend-rate':
    case 'reviews-on-time':
    case 'same-key-worker':
    case 'phq9-response':
    case 'phq9-remission': {
      const p = v(id);
      return p && shareOf('share', p);
    }
    case 'first-level-by-month': {
      const months = v(id) ?? [];
      const people = sum(months.map((m) => m.people));
      const levels = sum(months.map((m) => (m.meanLevel ?? 0) * m.people));
      return {
        kind: 'statistic',
        statistic: 'mean level at first assessment',
        value: people === 0 ? null : levels / people,
        n: people,
        digits: 2,
        reason: people === 0 ? 'No one was first assessed in the period.' : null,
      };
    }
    case 'identification-funnel': {
      const f = v(id);
      return (
        f &&
        shareOf('share of people in contact with an intervention delivered', {
          numerator: f.interventionDelivered,
          denominator: f.inContact,
          value: f.inContact === 0 ? null : f.interventionDelivered / f.inContact,
          reason:
            f.inContact === 0
              ? { code: 'empty-denominator', text: 'No one in contact in the period.' }
              : null,
        })
      );
    }
    case 'override-rate':
    case 'care-plan-matches-level': {
      const o = v(id);
      return o && shareOf('share', o.overall);
    }
    case 'level-spread': {
      const s = v(id);
      return s && shareOf('share confirmed at another level than proposed', s.pooled.differingFromProposal);
    }
    case 'referral-within-target': {
      const r = v(id);
      return r && shareOf('share', r.withinTarget);
    }
    case 'level-rose-at-review':
    case 'level-fell-at-review': {
      const c = v(id);
      return c && shareOf('share of reviews', id === 'level-rose-at-review' ? c.rose : c.fell);
    }
    case 'level-4-per-month':
    case 'crisis-events-per-month': {
      const months = v(id) ?? [];
      const of = (m: EscalationMonth) => (id === 'level-4-per-month' ? m.level4Assessments : m.crisisEvents);
      return { kind: 'count', statistic: 'total in the period', count: sum(months.map(of)) };
    }
    case 'change-days-used':
    case 'change-sds':
    case 'change-phq9':
    case 'change-urinary-symptoms': {
      const c = v(id);
      return c && statistic('mean change', c.change.mean, c.change.n, 1, c.change.reason?.text ?? null);
    }
    case 'calibration-fleiss-kappa': {
      const k = v(id);
      if (k === undefined) return undefined;
      return {
        kind: 'statistic',
        statistic: 'Fleiss kappa',
        value: k.ok ? k.value.kappa : null,
        // The people behind the number are the raters.
        n: k.ok ? k.value.raters : 0,
        digits: 3,
        reason: k.ok ? null : k.reason.text,
      };
    }
    case 'calibration-cohen-kappa': {
      const list = v(id);
      return (
        list &&
        shareOf(
          'share of ratings matching the reference',
          pooled(
            list.map((p) => p.withReference),
            'ratings',
          ),
        )
      );
    }
    case 'calibration-split-vignettes': {
      const rated = (v(id) ?? []).filter((x) => x.agreement !== null);
      const splits = rated.filter((x) => x.splitsTeam).map(() => 1);
      return shareOf(
        'share of vignettes that split the team',
        pooled(
          [{ numerator: sum(splits), denominator: rated.length, value: null, reason: null }],
          'vignettes rated by two or more',
        ),
      );
    }
  }
}

function summaryTable(ctx: Context): Draft {
  const { publish } = ctx;
  const rows = ctx.input.measures.map(({ id }): TableCell[] => {
    const d = measureDefinition(id);
    const head = headlineOf(ctx, id);
    const start = [id, d.title, d.family];
    if (head === undefined)
      return [...start, null, null, null, null, null, null, null, d.unit, 'Not in the report.'];
    if (head.kind === 'share') {
      const { numerator: num, denominator: den, reason } = head.p;
      return [
        ...start,
        head.statistic,
        publish.share(num, den),
        publish.count(num),
        publish.count(den),
        null,
        ...publish.interval(num, den),
        d.unit,
        reason?.text ?? null,
      ];
    }
    if (head.kind === 'count')
      return [
        ...start,
        head.statistic,
        publish.count(head.count),
        null,
        null,
        null,
        null,
        null,
        d.unit,
        null,
      ];
    return [
      ...start,
      head.statistic,
      publish.statistic(head.value, head.n, head.digits),
      null,
      null,
      publish.count(head.n),
      null,
      null,
      d.unit,
      head.reason,
    ];
  });
  return {
    id: 'summary',
    title: 'Every measure: headline value and the counts it rests on',
    measureIds: ctx.input.measures.map((m) => m.id),
    columns: [
      text('measure', 'Measure id'),
      text('title', 'Measure'),
      text('family', 'Family'),
      text('statistic', 'Statistic'),
      decimal('value', 'Value'),
      count('numerator', 'Numerator'),
      count('denominator', 'Denominator'),
      count('n', 'n'),
      ...CI,
      text('unit', 'Unit'),
      text('note', 'Note'),
    ],
    rows,
  };
}

// ---------------------------------------------------------------- monthly series and the funnel

function monthlyActivityTable(ctx: Context): Draft {
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

function firstLevelTable(ctx: Context): Draft {
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

function funnelTable(ctx: Context): Draft {
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

// ---------------------------------------------------------------- consistency

const SHARE_COLUMNS = (what: string, of: string, part: string) => [
  text(what, of),
  count('denominator', 'Counted'),
  count('numerator', part),
  share('share', 'Share'),
  ...CI,
];

function overrideTables(ctx: Context): Draft[] {
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

function levelSpreadTable(ctx: Context): Draft {
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

// ---------------------------------------------------------------- alignment and escalation

function carePlanTables(ctx: Context): Draft[] {
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

function referralTable(ctx: Context): Draft {
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

function levelChangesTable(ctx: Context): Draft {
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
  return {
    id: 'level-changes-at-review',
    title: 'How the confirmed level moved at review',
    measureIds: ['level-rose-at-review', 'level-fell-at-review'],
    columns: SHARE_COLUMNS('change', 'Change at review', 'Reviews with this change'),
    rows: parts.map(([label, p], i) => {
      const cell = line.cells[i] ?? null;
      const hidden = isHidden(cell) || isHidden(line.total);
      return [
        label,
        line.total,
        cell,
        publish.share(p.numerator, p.denominator, hidden),
        ...publish.interval(p.numerator, p.denominator, hidden),
      ];
    }),
  };
}

// ---------------------------------------------------------------- outcomes

const CHANGES = [
  ['change-days-used', 'Days used (of 28)'],
  ['change-sds', 'SDS total'],
  ['change-phq9', 'PHQ-9 total'],
  ['change-urinary-symptoms', 'Urinary symptoms (of 7)'],
] as const;

function changeTable(ctx: Context): Draft {
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

function phq9Table(ctx: Context): Draft {
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

function teamsTable(ctx: Context): Draft {
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

// ---------------------------------------------------------------- calibration

function calibrationTables(ctx: Context): Draft[] {
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
      ],
      rows: shareRows.map((cells, i) => {
        const one = sorted[i];
        if (one === undefined) return [...cells, null, null];
        const hidden = isHidden(cells[1] ?? null) || isHidden(cells[2] ?? null);
        const n = one.p.denominator;
        return [
          ...cells,
          kappa(one.a.kappaWithReference, n, hidden),
          kappa(one.a.kappaWithEngine, n, hidden),
        ];
      }),
    },
  ];
}

// ---------------------------------------------------------------- all tables

/** What the markers mean and who the tables are for, to print beside them. */
export function suppressionNote(audience: Audience): string {
  return audience === 'external'
    ? 'For readers outside the team. A count from 1 to 4 is shown as <5, and a count shown as * is hidden so ' +
        'that a <5 cannot be worked out from a total. A share, mean, median or kappa resting on a count from 1 to ' +
        `4 is shown as "${SUPPRESSED}". Zero is shown as 0. Practitioners are shown by number, not name. Each ` +
        'table is protected on its own; figures repeated across tables are not audited against each other.'
    : 'For the team only: every count is shown, including counts from 1 to 4 that could identify people. ' +
        'Do not share these figures outside the team; export for an external audience instead.';
}

/**
 * Every table the dashboard shows, for one audience. Outside the team small counts are suppressed (see
 * `suppressionNote`); practitioners are numbered in the order of their ids, so the labels do not follow names.
 */
export function reportTables(report: ReportTablesInput, audience: Audience): ReportTable[] {
  const external = audience === 'external';
  const value = <K extends MeasureId>(id: K) =>
    report.measures.find((m) => m.id === id)?.value as MeasureValues[K] | undefined;
  const names = new Map<string, string>([
    ...(report.names?.practitioners ?? []).map((p) => [p.id, p.displayName] as const),
    ...report.series.practitioners.map((p) => [p.practitionerId, p.displayName] as const),
  ]);
  const numbered = [
    ...new Set([
      ...(value('override-rate')?.byPractitioner ?? []).map((g) => g.key),
      ...(value('calibration-cohen-kappa') ?? []).map((p) => p.practitionerId),
    ]),
  ].sort();
  const ctx: Context = {
    input: report,
    publish: new Publisher(external),
    practitioner: (id) => (external ? `Practitioner ${numbered.indexOf(id) + 1}` : (names.get(id) ?? id)),
    value,
  };
  const drafts: Draft[] = [
    summaryTable(ctx),
    monthlyActivityTable(ctx),
    firstLevelTable(ctx),
    funnelTable(ctx),
    ...overrideTables(ctx),
    levelSpreadTable(ctx),
    ...carePlanTables(ctx),
    referralTable(ctx),
    levelChangesTable(ctx),
    changeTable(ctx),
    phq9Table(ctx),
    teamsTable(ctx),
    ...calibrationTables(ctx),
  ];
  return drafts.map((d) => ({ ...d, suppressed: d.rows.some((row) => row.some(isMarker)) }));
}

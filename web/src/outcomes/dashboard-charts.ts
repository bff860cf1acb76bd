// The dashboard's overview charts from the report's SQL series: funnel, monthly trends, levels, teams, practitioners.
import { SERIES_COLOURS, SERIES_DASHES, type ChartWithNumbers, type TrendLine } from './chart-spec.ts';
import { monthLabel, monthlyNumbers, seriesLevelTable } from './monthly-rows.ts';
import { percent } from './outcome-text.ts';
import type { Funnel, PractitionerRow, SeriesMonth, TeamRow } from './outcome-types.ts';

const FUNNEL_STEPS: readonly [keyof Funnel, string][] = [
  ['inContact', 'In contact'],
  ['assessed', 'Assessed'],
  ['harmIdentified', 'Harm identified'],
  ['carePlanned', 'Care planned'],
  ['interventionDelivered', 'Intervention delivered'],
];

/** "75 %" of the first step, or "–" when nobody was in contact. */
const ofFirst = (n: number, first: number) => (first === 0 ? '–' : percent(n / first));

/** Identification → intervention: people at each step, each as a share of the first. */
export function funnelChart(
  funnel: Funnel,
  caption = 'People at each step, from identification to intervention',
): ChartWithNumbers {
  const first = funnel.inContact;
  const steps = FUNNEL_STEPS.map(([key, label]) => ({ label, n: funnel[key] }));
  return {
    chart: {
      kind: 'bars',
      min: 0,
      max: Math.max(1, first),
      bars: steps.map((s) => ({ label: s.label, value: s.n, text: `${s.n} (${ofFirst(s.n, first)})` })),
      summary: `From identification to intervention: ${steps
        .map((s) => `${s.label.toLowerCase()} ${s.n}`)
        .join(', ')}.`,
    },
    numbers: {
      caption,
      columns: ['Step', 'People', 'Share of those in contact'],
      rows: steps.map((s) => ({ label: s.label, cells: [s.n, ofFirst(s.n, first)] })),
    },
  };
}

function trend(
  caption: string,
  months: readonly SeriesMonth[],
  series: readonly [string, (m: SeriesMonth) => number][],
): ChartWithNumbers {
  const lines: TrendLine[] = series.map(([name, of], i) => ({
    name,
    colour: SERIES_COLOURS[i % SERIES_COLOURS.length] ?? '#000000',
    dash: SERIES_DASHES[i % SERIES_DASHES.length] ?? '',
    values: months.map(of),
  }));
  return {
    chart: {
      kind: 'lines',
      months: months.map((m) => m.month),
      lines,
      summary: `${caption} by month. ${months
        .map(
          (m, i) => `${monthLabel(m.month)}: ${lines.map((l) => `${l.name} ${l.values[i] ?? 0}`).join(', ')}`,
        )
        .join('; ')}.`,
    },
    numbers: {
      caption: `${caption} by month`,
      columns: ['Month', ...lines.map((l) => l.name)],
      rows: months.map((m, i) => ({ label: monthLabel(m.month), cells: lines.map((l) => l.values[i] ?? 0) })),
    },
  };
}

/** Assessments, overrides, level 4 confirmations and crisis events per month. */
export function activityTrend(months: readonly SeriesMonth[]): ChartWithNumbers {
  return trend('Assessments, overrides, level 4 and crisis events', months, [
    ['Assessments', (m) => m.assessments],
    ['Overrides', (m) => m.overrides],
    ['Level 4', (m) => m.level4],
    ['Crisis events', (m) => m.crisisEvents],
  ]);
}

/** Appointments attended and missed (did not attend) per month. */
export function attendanceTrend(months: readonly SeriesMonth[]): ChartWithNumbers {
  return trend('Appointments attended and not attended', months, [
    ['Attended', (m) => m.attended],
    ['Did not attend', (m) => m.didNotAttend],
    ['Booked', (m) => m.booked],
  ]);
}

/** People first assessed each month, stacked by their confirmed level. */
export function levelDistribution(months: readonly SeriesMonth[]): ChartWithNumbers {
  const monthly = seriesLevelTable(months);
  return {
    chart: { kind: 'stacked', monthly },
    numbers: monthlyNumbers(monthly, 'People first assessed each month, by confirmed level'),
  };
}

const share = (part: number, whole: number) => (whole === 0 ? '–' : percent(part / whole));

/** Each team's people, assessments, overrides and attendance, as bars of people in contact. */
export function teamChart(teams: readonly TeamRow[]): ChartWithNumbers {
  return {
    chart: {
      kind: 'bars',
      min: 0,
      max: Math.max(1, ...teams.map((t) => t.patients)),
      bars: teams.map((t) => ({ label: t.name, value: t.patients, text: `${t.patients} in contact` })),
      summary: `People in contact by team: ${teams.map((t) => `${t.name} ${t.patients}`).join(', ')}.`,
    },
    numbers: {
      caption: 'Teams',
      columns: [
        'Team',
        'People in contact',
        'Assessments',
        'Overrides',
        'Override share',
        'Attended',
        'Did not attend',
      ],
      rows: teams.map((t) => ({
        label: t.name,
        cells: [
          t.patients,
          t.assessments,
          t.overrides,
          share(t.overrides, t.assessments),
          t.attended,
          t.didNotAttend,
        ],
      })),
    },
  };
}

/** Decided assessments by the practitioner who decided them, with their overrides. */
export function practitionerChart(rows: readonly PractitionerRow[]): ChartWithNumbers {
  return {
    chart: {
      kind: 'bars',
      min: 0,
      max: Math.max(1, ...rows.map((r) => r.assessments)),
      bars: rows.map((r) => ({
        label: r.displayName,
        value: r.assessments,
        text: `${r.assessments} (${r.overrides} overridden)`,
      })),
      summary: `Assessments decided by practitioner: ${rows
        .map((r) => `${r.displayName} ${r.assessments}, ${r.overrides} overridden`)
        .join('; ')}.`,
    },
    numbers: {
      caption: 'Assessments decided, by practitioner',
      columns: ['Practitioner', 'Assessments', 'Overrides', 'Override share'],
      rows: rows.map((r) => ({
        label: r.displayName,
        cells: [r.assessments, r.overrides, share(r.overrides, r.assessments)],
      })),
    },
  };
}

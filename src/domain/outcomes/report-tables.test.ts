import { describe, expect, it } from 'vitest';
import { measureIds, type MeasureId } from './definitions.ts';
import {
  reportTableIds,
  reportTables,
  SUPPRESSED,
  suppressionNote,
  type ReportTable,
  type ReportTablesInput,
  type SeriesMonthInput,
} from './report-tables.ts';
import type { Proportion, Summary } from './results.ts';

const p = (numerator: number, denominator: number): Proportion => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
  reason: denominator === 0 ? { code: 'empty-denominator', text: 'Nothing to divide by.' } : null,
});
const summary = (values: readonly number[]): Summary => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return {
    n: values.length,
    median:
      sorted.length === 0
        ? null
        : sorted.length % 2 === 1
          ? (sorted[mid] ?? 0)
          : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2,
    mean: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length,
    reason: values.length === 0 ? { code: 'too-few-values', text: 'No values.' } : null,
  };
};
const change = (deltas: readonly number[], withoutFollowUp = 0) => ({
  change: summary(deltas),
  baselineMean: deltas.length === 0 ? null : 10,
  latestMean: deltas.length === 0 ? null : 8,
  withoutFollowUp,
});
const spread = (confirmed: [number, number, number, number], level: number) => {
  const assessments = confirmed.reduce((a, b) => a + b, 0);
  const same = confirmed[level - 1] ?? 0;
  return {
    assessments,
    confirmed: { 1: confirmed[0], 2: confirmed[1], 3: confirmed[2], 4: confirmed[3] },
    differingFromProposal: p(assessments - same, assessments),
    pairsDisagreeing: p(0, 0),
  };
};
const month = (m: string, changes: Partial<SeriesMonthInput> = {}): SeriesMonthInput => ({
  month: m,
  newPatients: 0,
  firstAssessed: [0, 0, 0, 0],
  assessments: 0,
  overrides: 0,
  level4: 0,
  booked: 0,
  attended: 0,
  didNotAttend: 0,
  crisisEvents: 0,
  ...changes,
});

/**
 * A small service: override rates of 1 of 3 (Pat) and 2 of 12 (Sam); 7 booked in January of which 5 attended
 * and 2 missed; a funnel of 5 → 4 → 1 → 0 → 0; teams of 3 and 7 people; PHQ-9 changes for 4 and 5 people.
 */
function input(): ReportTablesInput {
  const values: Record<MeasureId, unknown> = {
    'days-to-first-sentinel': summary([3, 5, 9]),
    'sentinel-at-first-assessment': p(5, 10),
    'first-level-by-month': [
      { month: '2026-01', people: 8, atLevel: {}, meanLevel: 2 },
      { month: '2026-02', people: 0, atLevel: {}, meanLevel: null },
    ],
    'identification-funnel': {
      inContact: 5,
      assessed: 4,
      harmIdentified: 1,
      carePlanned: 0,
      interventionDelivered: 0,
    },
    'override-rate': {
      overall: p(3, 15),
      byPractitioner: [
        { key: 'id-pat', result: p(1, 3) },
        { key: 'id-sam', result: p(2, 12) },
      ],
      byTeam: [{ key: 'North Team', result: p(3, 15) }],
    },
    'level-spread': {
      byProposedLevel: {
        1: spread([6, 0, 0, 0], 1),
        2: spread([0, 7, 2, 0], 2),
        3: spread([0, 0, 0, 0], 3),
        4: spread([0, 0, 0, 0], 4),
      },
      pooled: spread([6, 7, 2, 0], 1),
    },
    'calibration-fleiss-kappa': {
      ok: true,
      value: {
        kappa: 0.4,
        meanAgreement: 0.6,
        chanceAgreement: 0.3,
        subjectAgreement: [],
        categoryShares: [],
        subjects: 2,
        raters: 2,
      },
    },
    'calibration-cohen-kappa': [
      {
        practitionerId: 'id-pat',
        withReference: p(2, 2),
        kappaWithReference: { ok: true, value: { kappa: 1 } },
        kappaWithEngine: { ok: false, reason: { code: 'too-few-values', text: 'x' } },
        warningsWithReference: [{ code: 'too-few-vignettes', text: 'Too few vignettes to interpret.' }],
        warningsWithEngine: [],
      },
    ],
    'calibration-split-vignettes': [{ vignetteId: 'v1', title: 'Ms A', agreement: 0.5, splitsTeam: false }],
    'care-plan-matches-level': {
      overall: p(10, 10),
      byLevel: [{ key: '2', result: p(10, 10) }],
      plansWithUndefinedLevel: 0,
      missing: [],
    },
    'referral-within-target': { withinTarget: p(6, 8), pending: 1 },
    'attended-of-booked': p(5, 7),
    'did-not-attend-rate': p(2, 7),
    'time-in-treatment': { days: summary([10, 20, 30, 40, 50]), stillOpen: 5 },
    'reviews-on-time': p(0, 0),
    'contact-gap': summary([]),
    'same-key-worker': p(0, 6),
    'level-rose-at-review': { reviews: 10, rose: p(1, 10), fell: p(2, 10), unchanged: p(7, 10) },
    'level-fell-at-review': { reviews: 10, rose: p(1, 10), fell: p(2, 10), unchanged: p(7, 10) },
    'level-4-per-month': [
      { month: '2026-01', level4Assessments: 4, crisisEvents: 5 },
      { month: '2026-02', level4Assessments: 0, crisisEvents: 0 },
    ],
    'crisis-events-per-month': [
      { month: '2026-01', level4Assessments: 4, crisisEvents: 5 },
      { month: '2026-02', level4Assessments: 0, crisisEvents: 0 },
    ],
    'change-days-used': change([-6, -3, 0, -1], 1),
    'change-sds': change([-3, -1, 0, -2, -4]),
    'change-phq9': change([]),
    'change-urinary-symptoms': change([-1, -1, -1, -1, -1, -1]),
    'phq9-response': p(1, 5),
    'phq9-remission': p(0, 5),
  };
  return {
    measures: measureIds.map((id) => ({ id, value: values[id] })),
    series: {
      months: [
        month('2026-01', {
          newPatients: 5,
          firstAssessed: [4, 3, 1, 0],
          assessments: 15,
          overrides: 3,
          level4: 4,
          booked: 7,
          attended: 5,
          didNotAttend: 2,
          crisisEvents: 5,
        }),
        month('2026-02', { firstAssessed: [0, 0, 0, 0] }),
      ],
      funnel: { inContact: 5, assessed: 4, harmIdentified: 1, carePlanned: 0, interventionDelivered: 0 },
      practitioners: [
        { practitionerId: 'id-sam', displayName: 'Sam Smith' },
        { practitionerId: 'id-pat', displayName: 'Pat Jones' },
      ],
      teams: [
        {
          serviceId: 's1',
          name: 'North Team',
          patients: 3,
          assessments: 5,
          overrides: 0,
          attended: 5,
          didNotAttend: 2,
        },
        {
          serviceId: 's2',
          name: 'South Team',
          patients: 7,
          assessments: 10,
          overrides: 3,
          attended: 0,
          didNotAttend: 0,
        },
      ],
    },
  };
}

const byId = (tables: readonly ReportTable[], id: string): ReportTable => {
  const table = tables.find((t) => t.id === id);
  if (table === undefined) throw new Error(`no table ${id}`);
  return table;
};
/** A table's rows as objects keyed by column, for reading cells by name. */
const records = (table: ReportTable) =>
  table.rows.map((row) => Object.fromEntries(table.columns.map((c, j) => [c.key, row[j]])));
const rowOf = (table: ReportTable, label: string) => {
  const row = records(table).find((r) => Object.values(r)[0] === label);
  if (row === undefined) throw new Error(`no row ${label} in ${table.id}`);
  return row;
};

const team = reportTables(input(), 'team');
const external = reportTables(input(), 'external');

describe('reportTables', () => {
  it('gives every table once, in the documented order, each row as wide as its columns', () => {
    for (const tables of [team, external]) {
      expect(tables.map((t) => t.id)).toEqual([...reportTableIds]);
      for (const t of tables) {
        expect(t.title.length).toBeGreaterThan(5);
        for (const row of t.rows) expect(row, t.id).toHaveLength(t.columns.length);
      }
    }
  });

  it('lists every measure in the summary, beside the tables that break it down', () => {
    expect(byId(team, 'summary').rows.map((r) => r[0])).toEqual([...measureIds]);
    const covered = new Set(team.filter((t) => t.id !== 'summary').flatMap((t) => t.measureIds));
    for (const id of ['override-rate', 'level-spread', 'care-plan-matches-level', 'phq9-response'] as const)
      expect(covered).toContain(id);
  });

  it('publishes every number to the team, small ones included, and says nothing was suppressed', () => {
    expect(team.every((t) => !t.suppressed)).toBe(true);
    const practitioners = byId(team, 'override-rate-by-practitioner');
    expect(rowOf(practitioners, 'Pat Jones')).toMatchObject({ denominator: 3, numerator: 1, share: 0.333 });
    expect(rowOf(practitioners, 'All practitioners')).toMatchObject({
      denominator: 15,
      numerator: 3,
      share: 0.2,
    });
    expect(rowOf(byId(team, 'identification-funnel'), 'Harm identified')).toMatchObject({
      people: 1,
      shareOfInContact: 0.2,
    });
    expect(rowOf(byId(team, 'change-from-baseline'), 'Days used (of 28)')).toMatchObject({
      people: 4,
      meanChange: -2.5,
      medianChange: -2,
    });
  });
});

describe('small-count suppression outside the team', () => {
  const funnel = byId(external, 'identification-funnel');

  it.each([
    ['Intervention delivered', 0, 0],
    ['Harm identified', '<5', SUPPRESSED],
    ['Assessed', '<5', SUPPRESSED],
    ['In contact with the service', 5, 1],
  ] as const)('publishes a count of the step "%s" as %s', (step, people, share) => {
    // Boundaries: 0 stays 0; 1 and 4 become <5 and their shares are withheld; 5 is shown.
    expect(rowOf(funnel, step)).toEqual({ step, people, shareOfInContact: share });
  });

  it('withholds a share whose numerator is 1–4 but keeps its denominator of 5 or more', () => {
    const summary = byId(external, 'summary');
    expect(rowOf(summary, 'phq9-response')).toMatchObject({
      value: SUPPRESSED,
      numerator: '<5',
      denominator: 5,
      lower95: SUPPRESSED,
      upper95: SUPPRESSED,
    });
    // 0 of 5 rests on no small count: shown with its interval.
    expect(rowOf(summary, 'phq9-remission')).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 5,
      lower95: 0,
    });
    expect(rowOf(summary, 'sentinel-at-first-assessment')).toMatchObject({
      value: 0.5,
      numerator: 5,
      denominator: 10,
      lower95: 0.237,
      upper95: 0.763,
    });
  });

  it('withholds a median or mean over 1–4 people and shows one over 5', () => {
    const summary = byId(external, 'summary');
    expect(rowOf(summary, 'days-to-first-sentinel')).toMatchObject({ value: SUPPRESSED, n: '<5' });
    expect(rowOf(summary, 'time-in-treatment')).toMatchObject({ value: 30, n: 5 });
    const changes = byId(external, 'change-from-baseline');
    expect(rowOf(changes, 'Days used (of 28)')).toEqual({
      outcome: 'Days used (of 28)',
      people: '<5',
      meanChange: SUPPRESSED,
      medianChange: SUPPRESSED,
      baselineMean: SUPPRESSED,
      latestMean: SUPPRESSED,
      withoutFollowUp: '<5',
    });
    expect(rowOf(changes, 'SDS total')).toMatchObject({ people: 5, meanChange: -2, medianChange: -2 });
    expect(rowOf(changes, 'PHQ-9 total')).toMatchObject({ people: 0, meanChange: null });
  });

  it('hides a second count when a total would give a small one away', () => {
    // 10 people in all, 7 in South: North's 3 would be 10 − 7, so South's 7 is hidden too.
    const teams = byId(external, 'teams');
    expect(rowOf(teams, 'North Team')).toMatchObject({ patients: '<5' });
    expect(rowOf(teams, 'South Team')).toMatchObject({ patients: '*' });
    expect(rowOf(teams, 'All teams')).toMatchObject({ patients: 10 });
    expect(teams.suppressed).toBe(true);
  });

  it('protects a small did-not-attend count from booked minus attended', () => {
    // 7 booked = 5 attended + 2 missed: with 7 and 5 shown, the 2 could be worked out.
    const january = rowOf(byId(external, 'monthly-activity'), '2026-01');
    expect(january).toMatchObject({
      booked: 7,
      attended: '*',
      didNotAttend: '<5',
      level4: '<5',
      crisisEvents: 5,
    });
    expect(rowOf(byId(team, 'monthly-activity'), '2026-01')).toMatchObject({ attended: 5, didNotAttend: 2 });
  });

  it('hides a practitioner whose overrides a total would reveal, and withholds the shares that rest on them', () => {
    // Pat 1 of 3, Sam 2 of 12, all 3 of 15.
    const table = byId(external, 'override-rate-by-practitioner');
    const rows = records(table);
    expect(rows.map((r) => r.practitioner)).toEqual([
      'Practitioner 1',
      'Practitioner 2',
      'All practitioners',
    ]);
    expect(rows[0]).toMatchObject({ denominator: '<5', numerator: '<5', share: SUPPRESSED });
    expect(rows[1]).toMatchObject({ numerator: '<5', share: SUPPRESSED });
    expect(rows[2]).toMatchObject({ numerator: '<5', share: SUPPRESSED });
    // Pat's 3 assessments must not be recoverable as 15 − 12.
    expect(rows[1]?.denominator).not.toBe(12);
    expect(JSON.stringify(external)).not.toContain('Pat Jones');
  });

  it('suppresses level spread cells and the shares they feed', () => {
    // Proposed 2 was confirmed 7 times at 2 and twice at 3: the 2 is hidden, and the 7 with it (9 − 7 = 2).
    const table = byId(external, 'level-spread-by-proposed-level');
    expect(rowOf(table, 'Proposed level 2')).toMatchObject({
      confirmed2: '*',
      confirmed3: '<5',
      differingFromProposal: SUPPRESSED,
    });
    expect(rowOf(table, 'All proposed levels')).toMatchObject({ assessments: 15, confirmed3: '<5' });
    expect(rowOf(byId(team, 'level-spread-by-proposed-level'), 'Proposed level 2')).toMatchObject({
      assessments: 9,
      confirmed2: 7,
      confirmed3: 2,
      differingFromProposal: 0.222,
    });
  });

  it('shows counts of 5 and more and zeros unchanged, and says when nothing was suppressed', () => {
    const plans = byId(external, 'care-plan-alignment-by-level');
    expect(plans.suppressed).toBe(false);
    expect(rowOf(plans, 'Level 2')).toEqual({
      level: 'Level 2',
      denominator: 10,
      numerator: 10,
      share: 1,
      lower95: 0.722,
      upper95: 1,
    });
    expect(byId(external, 'identification-funnel').suppressed).toBe(true);
  });

  it('keeps per-vignette calibration agreement in the team when fewer than 5 took part', () => {
    expect(rowOf(byId(external, 'calibration-vignettes'), 'Ms A')).toEqual({
      vignette: 'Ms A',
      agreement: SUPPRESSED,
      splitsTeam: SUPPRESSED,
    });
    expect(rowOf(byId(team, 'calibration-vignettes'), 'Ms A')).toMatchObject({
      agreement: 0.5,
      splitsTeam: 'no',
    });
    expect(rowOf(byId(external, 'summary'), 'calibration-fleiss-kappa')).toMatchObject({
      value: SUPPRESSED,
      n: '<5',
    });
  });

  it('says beside a kappa on too few vignettes or raters that it is not interpretable', () => {
    expect(rowOf(byId(team, 'summary'), 'calibration-fleiss-kappa')).toMatchObject({
      value: 0.4,
      note: expect.stringMatching(
        /Too few vignettes to interpret: 2 rated, at least 10 needed.*Too few raters/,
      ),
    });
    expect(rowOf(byId(team, 'calibration-practitioners'), 'Pat Jones')).toMatchObject({
      kappaWithReference: 1,
      note: 'Too few vignettes to interpret.',
    });
  });

  it('explains the markers to the reader outside the team', () => {
    expect(suppressionNote('external')).toContain('<5');
    expect(suppressionNote('external')).toContain(SUPPRESSED);
    expect(suppressionNote('team')).toContain('team only');
  });
});

describe('suppression counts people, not person–item pairs', () => {
  /** The report input with some measures replaced. */
  const withValues = (changes: Partial<Record<MeasureId, unknown>>): ReportTablesInput => {
    const base = input();
    return {
      ...base,
      measures: base.measures.map((m) => (m.id in changes ? { id: m.id, value: changes[m.id] } : m)),
    };
  };
  const fromPeople = (numerator: number, denominator: number, people: [number, number]): Proportion => ({
    ...p(numerator, denominator),
    people: { numerator: people[0], denominator: people[1] },
  });

  it.each([
    // [pairs at first, pairs recorded, people behind them, published value]
    [6, 6, [1, 1], SUPPRESSED, SUPPRESSED, SUPPRESSED],
    [6, 6, [4, 4], SUPPRESSED, SUPPRESSED, SUPPRESSED],
    [6, 6, [5, 5], 1, 6, 6],
    [6, 12, [4, 5], SUPPRESSED, SUPPRESSED, 12],
  ] as const)(
    'sentinel symptoms %i of %i from %j people → value %s, numerator %s, denominator %s outside the team',
    (num, den, people, value, numerator, denominator) => {
      const tables = reportTables(
        withValues({ 'sentinel-at-first-assessment': fromPeople(num, den, [...people]) }),
        'external',
      );
      expect(rowOf(byId(tables, 'summary'), 'sentinel-at-first-assessment')).toMatchObject({
        value,
        numerator,
        denominator,
      });
    },
  );

  it('one person with six sentinel symptoms is shown in full to the team only', () => {
    const value = { 'sentinel-at-first-assessment': fromPeople(6, 6, [1, 1]) };
    expect(
      rowOf(byId(reportTables(withValues(value), 'team'), 'summary'), 'sentinel-at-first-assessment'),
    ).toMatchObject({
      value: 1,
      numerator: 6,
      denominator: 6,
    });
    const external = reportTables(withValues(value), 'external');
    const row = rowOf(byId(external, 'summary'), 'sentinel-at-first-assessment');
    expect(row).toMatchObject({ lower95: SUPPRESSED, upper95: SUPPRESSED });
    expect(byId(external, 'summary').suppressed).toBe(true);
  });

  it('withholds a practitioner whose many assessments come from one person, and the total that would reveal them', () => {
    const rates = {
      overall: fromPeople(3, 26, [2, 11]),
      byPractitioner: [
        { key: 'id-pat', result: fromPeople(1, 6, [1, 1]) },
        { key: 'id-sam', result: fromPeople(2, 20, [2, 10]) },
      ],
      byTeam: [],
    };
    const rows = records(
      byId(reportTables(withValues({ 'override-rate': rates }), 'external'), 'override-rate-by-practitioner'),
    );
    // 6 assessments of one person: withheld although 6 ≥ 5; the override count 1 keeps its "<5".
    expect(rows.find((r) => r.practitioner === 'Practitioner 1')).toMatchObject({
      denominator: SUPPRESSED,
      numerator: '<5',
      share: SUPPRESSED,
    });
    // 26 − 20 would give Pat's 6 assessments away.
    expect(rows.find((r) => r.practitioner === 'All practitioners')).toMatchObject({
      denominator: SUPPRESSED,
      share: SUPPRESSED,
    });
  });
});

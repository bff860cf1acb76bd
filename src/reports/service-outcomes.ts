// The service outcomes report (C6): every measure over the episodes in scope, each beside its definition.
import type { Json } from '../domain/audit/canonical-json.ts';
import type { IsoDate } from '../domain/harm/index.ts';
import {
  attendedOfBooked,
  calibrationAgreement,
  carePlanAlignment,
  carePlanAlignmentOf,
  changeFromBaseline,
  changeOfPairs,
  contactGaps,
  daysToFirstSentinel,
  didNotAttendRate,
  escalationByMonth,
  firstLevelByMonth,
  levelChangesAtReview,
  levelSpread,
  measureDefinition,
  measureIds,
  overrideRates,
  phq9OfPairs,
  phq9ResponseAndRemission,
  referralsWithinTarget,
  reviewsOnTime,
  sameKeyWorker,
  sentinelAtFirstAssessment,
  timeInTreatment,
  type CarePlanRow,
  type EpisodeRow,
  type LevelSpread,
  type MeasureDefinition,
  type MeasureId,
  type ValuePair,
} from '../domain/outcomes/index.ts';
import { monthsFrom } from '../domain/core/calendar.ts';
import type { LevelNumber } from '../domain/harm/index.ts';
import { proportionOf, type Proportion } from '../domain/outcomes/results.ts';
import { mean, summarise } from '../domain/outcomes/statistics.ts';
import type { MeasureValues as DomainMeasureValues } from '../domain/outcomes/report-tables-model.ts';
import type { ScopeNames } from '../schemas/replies/outcomes.ts';
import type { Queryable } from '../store/db.ts';
import { packInForce } from '../store/harm-packs.ts';
import {
  loadMeasureTotals,
  type AssessmentTotals,
  type EpisodeTotals,
  type PairCount,
  type PartTotals,
  type ValueCount,
} from '../store/outcome-measures.ts';
import { loadOutcomeSeries, type Funnel, type OutcomeSeries } from '../store/outcome-series.ts';
import { scopeNames } from '../store/scope-names.ts';
import { listRatings, listVignettes } from '../store/vignettes.ts';

/** What a report covers: services (a service is one team), a period, and optionally one practitioner's caseload. */
export interface ReportScope {
  readonly serviceIds: readonly string[];
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly practitionerId?: string;
}

/** The scope as an audit detail: ids and dates only. */
export function scopeDetails(scope: ReportScope): { [key: string]: Json } {
  return {
    from: scope.from,
    to: scope.to,
    services: [...scope.serviceIds],
    practitioner: scope.practitionerId ?? null,
  };
}

/** A measure with its definition and value. */
export interface ReportMeasure<K extends MeasureId = MeasureId> {
  readonly id: K;
  readonly definition: MeasureDefinition;
  readonly value: MeasureValues[K];
}

/** One measure of the report, its value typed by its id. */
export type OutcomeMeasure = { [K in MeasureId]: ReportMeasure<K> }[MeasureId];

/** Every episode-based measure's value over `episodes`, by measure id. */
export function episodeValues(
  episodes: readonly EpisodeRow[],
  scope: Pick<ReportScope, 'from' | 'to'>,
  levels: Parameters<typeof carePlanAlignment>[1],
) {
  const { from, to } = scope;
  const asOf = to;
  const changes = levelChangesAtReview(episodes);
  const phq9 = phq9ResponseAndRemission(episodes);
  const escalation = escalationByMonth(episodes, from, to);
  return {
    'days-to-first-sentinel': daysToFirstSentinel(episodes),
    'sentinel-at-first-assessment': sentinelAtFirstAssessment(episodes),
    'first-level-by-month': firstLevelByMonth(episodes, from, to),
    'override-rate': overrideRates(episodes),
    'level-spread': levelSpread(episodes),
    'care-plan-matches-level': carePlanAlignment(episodes, levels),
    'referral-within-target': referralsWithinTarget(episodes, asOf),
    'attended-of-booked': attendedOfBooked(episodes, asOf),
    'did-not-attend-rate': didNotAttendRate(episodes, asOf),
    'time-in-treatment': timeInTreatment(episodes, asOf),
    'reviews-on-time': reviewsOnTime(episodes, asOf),
    'contact-gap': contactGaps(episodes),
    'same-key-worker': sameKeyWorker(episodes),
    'level-rose-at-review': changes,
    'level-fell-at-review': changes,
    'level-4-per-month': escalation,
    'crisis-events-per-month': escalation,
    'change-days-used': changeFromBaseline(episodes, 'daysUsedLast28'),
    'change-sds': changeFromBaseline(episodes, 'sdsTotal'),
    'change-phq9': changeFromBaseline(episodes, 'phq9Total'),
    'change-urinary-symptoms': changeFromBaseline(episodes, 'urinarySymptomCount'),
    'phq9-response': phq9.response,
    'phq9-remission': phq9.remission,
  };
}

/** A share from SQL totals, as `proportionOverPeople` gives it from each person's part. */
function shareOf(t: PartTotals, what: string): Proportion {
  return {
    ...proportionOf(t.numerator, t.denominator, what),
    people: { numerator: t.peopleNumerator, denominator: t.peopleDenominator },
  };
}

/** The values behind a histogram, each repeated as often as it was counted. */
const valuesOf = (counts: readonly ValueCount[]): number[] =>
  counts.flatMap((c) => Array<number>(c.n).fill(c.value));
const pairsOf = (counts: readonly PairCount[]): ValuePair[] =>
  counts.flatMap((c) => Array<ValuePair>(c.n).fill({ baseline: c.baseline, latest: c.latest }));
const choose2 = (n: number): number => (n * (n - 1)) / 2;
const sumOf = (values: readonly number[]): number => values.reduce((sum, n) => sum + n, 0);

/** `levelSpread` from decided assessments counted by proposed level, confirmed level and practitioner. */
function spreadOfCounts(cells: AssessmentTotals['spread']): ReturnType<typeof levelSpread> {
  const tally = (
    rows: AssessmentTotals['spread'],
    keyOf: (c: AssessmentTotals['spread'][number]) => string,
  ) => {
    const counts = new Map<string, number>();
    for (const c of rows) counts.set(keyOf(c), (counts.get(keyOf(c)) ?? 0) + c.n);
    return [...counts.values()];
  };
  const pairCounts = (rows: AssessmentTotals['spread']) => {
    const sumPairs = (counts: number[]) => sumOf(counts.map(choose2));
    const total = sumOf(rows.map((c) => c.n));
    return {
      pairs: choose2(total) - sumPairs(tally(rows, (c) => c.practitionerId)),
      agreeing:
        sumPairs(tally(rows, (c) => String(c.confirmed))) -
        sumPairs(tally(rows, (c) => `${c.confirmed}\u0000${c.practitionerId}`)),
    };
  };
  const spreadOf = (rows: AssessmentTotals['spread'], groups: AssessmentTotals['spread'][]): LevelSpread => {
    const at = (level: number) => sumOf(rows.filter((c) => c.confirmed === level).map((c) => c.n));
    const assessments = sumOf(rows.map((c) => c.n));
    const differing = sumOf(rows.filter((c) => c.confirmed !== c.proposed).map((c) => c.n));
    const counts = groups.map(pairCounts);
    const pairs = sumOf(counts.map((c) => c.pairs));
    const agreeing = sumOf(counts.map((c) => c.agreeing));
    return {
      assessments,
      confirmed: { 1: at(1), 2: at(2), 3: at(3), 4: at(4) },
      differingFromProposal: proportionOf(differing, assessments, 'assessments with this proposal'),
      pairsDisagreeing: proportionOf(
        pairs - agreeing,
        pairs,
        'pairs of decisions by different practitioners',
      ),
    };
  };
  const proposed = (level: number) => cells.filter((c) => c.proposed === level);
  const groups = [proposed(1), proposed(2), proposed(3), proposed(4)] as const;
  return {
    byProposedLevel: {
      1: spreadOf(groups[0], [groups[0]]),
      2: spreadOf(groups[1], [groups[1]]),
      3: spreadOf(groups[2], [groups[2]]),
      4: spreadOf(groups[3], [groups[3]]),
    },
    pooled: spreadOf(cells, [...groups]),
  };
}

/**
 * The same values as `episodeValues`, from the totals the database worked out per person
 * (src/store/outcome-measures.ts) rather than from every episode.
 */
export function totalsValues(
  totals: { assessments: AssessmentTotals; episodes: EpisodeTotals },
  scope: Pick<ReportScope, 'from' | 'to'>,
  levels: Parameters<typeof carePlanAlignment>[1],
): ReturnType<typeof episodeValues> {
  const { from, to } = scope;
  const a = totals.assessments;
  const e = totals.episodes;
  const months = monthsFrom(from, to);
  const grouped = (rows: AssessmentTotals['overridesByTeam']) =>
    [...rows]
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      .map((row) => ({ key: row.key, result: shareOf(row, 'confirmed assessments') }));
  const changes = {
    reviews: a.reviews,
    rose: shareOf(a.rose, 'reviews'),
    fell: shareOf(a.fell, 'reviews'),
    unchanged: shareOf(a.unchanged, 'reviews'),
  };
  const phq9 = phq9OfPairs(pairsOf(a.phq9.pairs));
  const countIn = (rows: readonly { month: string; n: number }[], month: string) =>
    rows.find((r) => r.month === month)?.n ?? 0;
  const escalation = months.map((month) => ({
    month,
    level4Assessments: countIn(a.level4ByMonth, month),
    crisisEvents: countIn(e.crisesByMonth, month),
  }));
  const plans: CarePlanRow[] = e.carePlans.flatMap((c) =>
    Array<CarePlanRow>(c.n).fill({
      on: from,
      confirmedLevel: c.level as LevelNumber,
      interventions: c.interventions,
    }),
  );
  const { referrals } = e;
  return {
    'days-to-first-sentinel': summarise(valuesOf(a.sentinelDays), 'people with a sentinel symptom recorded'),
    'sentinel-at-first-assessment': shareOf(a.sentinelPairs, 'sentinel symptoms recorded'),
    'first-level-by-month': months.map((month) => {
      const levels = a.firstLevels
        .filter((r) => r.month === month)
        .sort((x, y) => x.level - y.level)
        .flatMap((r) => Array<number>(r.n).fill(r.level));
      const share = (level: number): Proportion =>
        proportionOf(
          levels.filter((l) => l === level).length,
          levels.length,
          `people first assessed in ${month}`,
        );
      return {
        month,
        people: levels.length,
        atLevel: { 1: share(1), 2: share(2), 3: share(3), 4: share(4) },
        meanLevel: levels.length === 0 ? null : mean(levels),
      };
    }),
    'override-rate': {
      overall: shareOf(a.overrides, 'confirmed assessments'),
      byPractitioner: grouped(a.overridesByPractitioner),
      byTeam: grouped(a.overridesByTeam),
    },
    'level-spread': spreadOfCounts(a.spread),
    'care-plan-matches-level': carePlanAlignmentOf(plans, levels),
    'referral-within-target': {
      withinTarget: proportionOf(
        referrals.onTime,
        referrals.made + referrals.overdue,
        'level 3–4 referrals made or overdue',
      ),
      pending: referrals.total - referrals.made - referrals.overdue,
    },
    'attended-of-booked': shareOf(e.attendedOfBooked, 'appointments booked up to the report date'),
    'did-not-attend-rate': shareOf(e.didNotAttend, 'appointments attended or missed'),
    'time-in-treatment': { days: summarise(valuesOf(e.daysInTreatment), 'people'), stillOpen: e.episodes },
    'reviews-on-time': shareOf(a.reviewsOnTime, 'reviews due or done'),
    'contact-gap': summarise(valuesOf(e.contactGaps), 'gaps between attended appointments'),
    'same-key-worker': proportionOf(
      e.keyWorkers.one,
      e.keyWorkers.withKeyWorker,
      'people with a key worker recorded',
    ),
    'level-rose-at-review': changes,
    'level-fell-at-review': changes,
    'level-4-per-month': escalation,
    'crisis-events-per-month': escalation,
    'change-days-used': changeOfPairs(pairsOf(a.daysUsed.pairs), a.daysUsed.withBaseline),
    'change-sds': changeOfPairs(pairsOf(a.sds.pairs), a.sds.withBaseline),
    'change-phq9': changeOfPairs(pairsOf(a.phq9.pairs), a.phq9.withBaseline),
    'change-urinary-symptoms': changeOfPairs(pairsOf(e.urinary.pairs), e.urinary.withBaseline),
    'phq9-response': phq9.response,
    'phq9-remission': phq9.remission,
  };
}

/** Calibration agreement over the vignettes of the services in scope (the period does not apply to them). */
export async function calibrationValues(db: Queryable, serviceIds: readonly string[]) {
  const vignettes = await listVignettes(db, serviceIds);
  const ratings = await listRatings(
    db,
    vignettes.map((v) => v.id),
  );
  const report = calibrationAgreement(
    vignettes.map((v) => ({
      id: v.id,
      referenceLevel: v.reference_level,
      engineLevel: v.engine_level,
    })),
    ratings.map((r) => ({
      vignetteId: r.vignette_id,
      practitionerId: r.rater_id,
      level: r.level,
    })),
  );
  const titles = new Map(vignettes.map((v) => [v.id, v.title]));
  return {
    'calibration-fleiss-kappa': report.team,
    'calibration-cohen-kappa': report.practitioners,
    'calibration-split-vignettes': report.vignettes.map((v) => ({
      vignetteId: v.vignetteId,
      title: titles.get(v.vignetteId) ?? '',
      agreement: v.agreement,
      splitsTeam: v.splitsTeam,
    })),
  };
}

/**
 * The value each measure of the report carries, by measure id: the return types of the measure functions above
 * (and the SQL funnel), so the web reads them from here rather than mapping the ids itself.
 */
export type MeasureValues = ReturnType<typeof episodeValues> &
  Awaited<ReturnType<typeof calibrationValues>> & { 'identification-funnel': Funnel };

/** Each measure beside its definition, in the order of the definitions. */
function measuresOf(values: MeasureValues): OutcomeMeasure[] {
  // Each id is paired with its own value, which is what OutcomeMeasure says; TypeScript cannot follow the pairing.
  return measureIds.map(
    (id) => ({ id, definition: measureDefinition(id), value: values[id] }) as OutcomeMeasure,
  );
}

/** The service outcomes report for a scope. */
export interface ServiceOutcomesReport {
  readonly period: { readonly from: IsoDate; readonly to: IsoDate };
  readonly serviceIds: string[];
  readonly practitionerId: string | null;
  readonly episodes: number;
  readonly names: ScopeNames;
  readonly measures: OutcomeMeasure[];
  /** Monthly counts, the identification → intervention funnel, and per-practitioner and per-team rows (SQL). */
  readonly series: OutcomeSeries;
}

export async function serviceOutcomes(db: Queryable, scope: ReportScope): Promise<ServiceOutcomesReport> {
  // Independent reads: on PostgreSQL they run on separate pool connections at once.
  const [totals, pack, series] = await Promise.all([
    loadMeasureTotals(db, scope),
    packInForce(db),
    loadOutcomeSeries(db, scope),
  ]);
  const values = {
    ...totalsValues(totals, scope, pack.levels),
    'identification-funnel': series.funnel,
    ...(await calibrationValues(db, scope.serviceIds)),
  } satisfies MeasureValues & DomainMeasureValues;
  return {
    period: { from: scope.from, to: scope.to },
    serviceIds: [...scope.serviceIds],
    practitionerId: scope.practitionerId ?? null,
    episodes: totals.episodes.episodes,
    names: await scopeNames(db, scope.serviceIds),
    measures: measuresOf(values),
    series,
  };
}

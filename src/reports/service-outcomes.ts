// The service outcomes report (C6): every measure over the episodes in scope, each beside its definition.
import type { Json } from '../domain/audit/canonical-json.ts';
import type { IsoDate } from '../domain/harm/index.ts';
import {
  attendedOfBooked,
  calibrationAgreement,
  carePlanAlignment,
  changeFromBaseline,
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
  phq9ResponseAndRemission,
  referralsWithinTarget,
  reviewsOnTime,
  sameKeyWorker,
  sentinelAtFirstAssessment,
  timeInTreatment,
  type EpisodeRow,
  type MeasureDefinition,
  type MeasureId,
} from '../domain/outcomes/index.ts';
import type { MeasureValues as DomainMeasureValues } from '../domain/outcomes/report-tables-model.ts';
import type { ScopeNames } from '../schemas/replies/outcomes.ts';
import type { Queryable } from '../store/db.ts';
import { packInForce } from '../store/harm-packs.ts';
import { loadEpisodes } from '../store/outcome-episodes.ts';
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
  const [episodes, pack, series] = await Promise.all([
    loadEpisodes(db, scope),
    packInForce(db),
    loadOutcomeSeries(db, scope),
  ]);
  const values = {
    ...episodeValues(episodes, scope, pack.levels),
    'identification-funnel': series.funnel,
    ...(await calibrationValues(db, scope.serviceIds)),
  } satisfies MeasureValues & DomainMeasureValues;
  return {
    period: { from: scope.from, to: scope.to },
    serviceIds: [...scope.serviceIds],
    practitionerId: scope.practitionerId ?? null,
    episodes: episodes.length,
    names: await scopeNames(db, scope.serviceIds),
    measures: measuresOf(values),
    series,
  };
}

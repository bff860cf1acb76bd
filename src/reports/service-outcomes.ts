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
import type { Queryable } from '../store/db.ts';
import { packInForce } from '../store/harm-packs.ts';
import { loadEpisodes } from '../store/outcome-episodes.ts';
import { loadOutcomeSeries, type OutcomeSeries } from '../store/outcome-series.ts';
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
export interface ReportMeasure<T = unknown> {
  readonly id: MeasureId;
  readonly definition: MeasureDefinition;
  readonly value: T;
}

/** The people and practitioners a report can be filtered by, with names for the screen. */
export interface ScopeNames {
  readonly services: readonly { readonly id: string; readonly name: string }[];
  readonly practitioners: readonly { readonly id: string; readonly displayName: string }[];
}

/** Display names of the services in scope and the staff who work in them. */
export async function scopeNames(db: Queryable, serviceIds: readonly string[]): Promise<ScopeNames> {
  const services = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM services WHERE id = ANY($1::uuid[]) ORDER BY name',
    [serviceIds],
  );
  const practitioners = await db.query<{ id: string; display_name: string }>(
    `SELECT DISTINCT u.id, u.display_name FROM users u JOIN user_services s ON s.user_id = u.id
     WHERE s.service_id = ANY($1::uuid[]) ORDER BY u.display_name`,
    [serviceIds],
  );
  return {
    services,
    practitioners: practitioners.map((p) => ({ id: p.id, displayName: p.display_name })),
  };
}

const measure = <T>(id: MeasureId, value: T): ReportMeasure<T> => ({
  id,
  definition: measureDefinition(id),
  value,
});

/** Every episode-based measure over `episodes`, in the order of the definitions. */
export function episodeMeasures(
  episodes: readonly EpisodeRow[],
  scope: Pick<ReportScope, 'from' | 'to'>,
  levels: Parameters<typeof carePlanAlignment>[1],
): ReportMeasure[] {
  const { from, to } = scope;
  const asOf = to;
  const changes = levelChangesAtReview(episodes);
  const phq9 = phq9ResponseAndRemission(episodes);
  const escalation = escalationByMonth(episodes, from, to);
  return [
    measure('days-to-first-sentinel', daysToFirstSentinel(episodes)),
    measure('sentinel-at-first-assessment', sentinelAtFirstAssessment(episodes)),
    measure('first-level-by-month', firstLevelByMonth(episodes, from, to)),
    measure('override-rate', overrideRates(episodes)),
    measure('level-spread', levelSpread(episodes)),
    measure('care-plan-matches-level', carePlanAlignment(episodes, levels)),
    measure('referral-within-target', referralsWithinTarget(episodes, asOf)),
    measure('attended-of-booked', attendedOfBooked(episodes, asOf)),
    measure('did-not-attend-rate', didNotAttendRate(episodes, asOf)),
    measure('time-in-treatment', timeInTreatment(episodes, asOf)),
    measure('reviews-on-time', reviewsOnTime(episodes, asOf)),
    measure('contact-gap', contactGaps(episodes)),
    measure('same-key-worker', sameKeyWorker(episodes)),
    measure('level-rose-at-review', changes),
    measure('level-fell-at-review', changes),
    measure('level-4-per-month', escalation),
    measure('crisis-events-per-month', escalation),
    measure('change-days-used', changeFromBaseline(episodes, 'daysUsedLast28')),
    measure('change-sds', changeFromBaseline(episodes, 'sdsTotal')),
    measure('change-phq9', changeFromBaseline(episodes, 'phq9Total')),
    measure('change-urinary-symptoms', changeFromBaseline(episodes, 'urinarySymptomCount')),
    measure('phq9-response', phq9.response),
    measure('phq9-remission', phq9.remission),
  ];
}

/** Calibration agreement over the vignettes of the services in scope (the period does not apply to them). */
export async function calibrationMeasures(
  db: Queryable,
  serviceIds: readonly string[],
): Promise<ReportMeasure[]> {
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
  return [
    measure('calibration-fleiss-kappa', report.team),
    measure('calibration-cohen-kappa', report.practitioners),
    measure(
      'calibration-split-vignettes',
      report.vignettes.map((v) => ({
        vignetteId: v.vignetteId,
        title: titles.get(v.vignetteId) ?? '',
        agreement: v.agreement,
        splitsTeam: v.splitsTeam,
      })),
    ),
  ];
}

/** The service outcomes report for a scope. */
export interface ServiceOutcomesReport {
  readonly period: { readonly from: IsoDate; readonly to: IsoDate };
  readonly serviceIds: readonly string[];
  readonly practitionerId: string | null;
  readonly episodes: number;
  readonly names: ScopeNames;
  readonly measures: readonly ReportMeasure[];
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
  const measures = [
    ...episodeMeasures(episodes, scope, pack.levels),
    measure('identification-funnel', series.funnel),
    ...(await calibrationMeasures(db, scope.serviceIds)),
  ];
  return {
    period: { from: scope.from, to: scope.to },
    serviceIds: scope.serviceIds,
    practitionerId: scope.practitionerId ?? null,
    episodes: episodes.length,
    names: await scopeNames(db, scope.serviceIds),
    measures: [...measures].sort((a, b) => measureIds.indexOf(a.id) - measureIds.indexOf(b.id)),
    series,
  };
}

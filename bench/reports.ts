// The service outcomes report at national scale: serviceOutcomes (migration 027's rollups and the per-person
// measures worked out in SQL) for the organisation and one service, each beside a hand-written statement giving the
// report's headline numbers from migration 010's summary rows and the patient records, with an agreement check.
import { isDeepStrictEqual } from 'node:util';
import { isoDate } from '../src/domain/harm/index.ts';
import type { MeasureId, Proportion } from '../src/domain/outcomes/index.ts';
import {
  serviceOutcomes,
  type MeasureValues,
  type ReportScope,
  type ServiceOutcomesReport,
} from '../src/reports/service-outcomes.ts';
import type { Database } from '../src/store/db.ts';
import { dashboardScopes } from './dashboard.ts';
import { ms, timeRuns, type Timing } from './timing.ts';

export interface ReportResult {
  readonly label: string;
  readonly ours: Timing;
  readonly handWritten: Timing | null;
  /** True when the report's headline numbers equal the hand-written statement's. */
  readonly agree: boolean | null;
  readonly targetMs: number;
}

/** Runs after one warm-up: the organisation report takes seconds. */
export const REPORT_RUNS = 3;

/** The headline numbers compared: episodes, and the counts behind five of the report's measures. */
interface Headline {
  episodes: number;
  overrides: [number, number];
  attendedOfBooked: [number, number];
  didNotAttend: [number, number];
  level4: number;
  treatmentDaysMedian: number | null;
}

/**
 * The same numbers written by hand: episodes are people in the services registered by the end of the period and
 * first seen in it or with a decided assessment or an appointment in it; decided assessments and appointment states
 * come from migration 010's summary rows (not 027's rollups). $1 services, $2/$3 first and last day.
 */
const HEADLINE_SQL = `
WITH p AS (
  SELECT id, created_at FROM patients WHERE service_id = ANY($1::uuid[]) AND created_at < ($3::date + 1)
), f AS (
  SELECT f.patient_id, f.overridden, f.confirmed_level FROM outcome_assessment_facts f JOIN p ON p.id = f.patient_id
   WHERE f.service_id = ANY($1::uuid[]) AND f.assessed_at >= $2::date AND f.assessed_at < ($3::date + 1)
), s AS (
  SELECT st.patient_id, st.status FROM outcome_appointment_states st JOIN p ON p.id = st.patient_id
   WHERE st.service_id = ANY($1::uuid[]) AND st.starts_at >= $2::date AND st.starts_at < ($3::date + 1)
), e AS (
  SELECT p.id, p.created_at FROM p
   WHERE (p.created_at AT TIME ZONE 'UTC')::date BETWEEN $2::date AND $3::date
      OR p.id IN (SELECT patient_id FROM f) OR p.id IN (SELECT patient_id FROM s)
)
SELECT (SELECT count(*)::int FROM e) AS episodes,
       (SELECT count(*) FILTER (WHERE overridden)::int FROM f) AS overrides,
       (SELECT count(*)::int FROM f) AS assessments,
       (SELECT count(*) FILTER (WHERE confirmed_level = 4)::int FROM f) AS level4,
       (SELECT count(*) FILTER (WHERE status = 'attended')::int FROM s) AS attended,
       (SELECT count(*) FILTER (WHERE status <> 'rescheduled')::int FROM s) AS booked,
       (SELECT count(*) FILTER (WHERE status = 'did-not-attend')::int FROM s) AS dna,
       (SELECT count(*) FILTER (WHERE status IN ('attended', 'did-not-attend'))::int FROM s) AS settled,
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY $3::date - (created_at AT TIME ZONE 'UTC')::date)
          FROM e) AS treatment_days_median`;

async function handWrittenHeadline(db: Database, scope: ReportScope): Promise<Headline> {
  const [row] = await db.transaction(async (tx) => {
    await tx.query("SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)");
    return tx.query<{
      episodes: number;
      overrides: number;
      assessments: number;
      level4: number;
      attended: number;
      booked: number;
      dna: number;
      settled: number;
      treatment_days_median: number | null;
    }>(HEADLINE_SQL, [[...scope.serviceIds], scope.from, scope.to]);
  });
  if (!row) throw new Error('no row');
  return {
    episodes: row.episodes,
    overrides: [row.overrides, row.assessments],
    attendedOfBooked: [row.attended, row.booked],
    didNotAttend: [row.dna, row.settled],
    level4: row.level4,
    treatmentDaysMedian: row.treatment_days_median,
  };
}

function measure<K extends MeasureId>(report: ServiceOutcomesReport, id: K): MeasureValues[K] {
  const found = report.measures.find((m) => m.id === id);
  if (!found) throw new Error(`the report has no ${id}`);
  // The report pairs each id with its own value (OutcomeMeasure); find cannot narrow the union to it.
  return found.value as MeasureValues[K];
}

function headlineOf(report: ServiceOutcomesReport): Headline {
  const share = (p: Proportion): [number, number] => [p.numerator, p.denominator];
  const escalation = measure(report, 'level-4-per-month');
  return {
    episodes: report.episodes,
    overrides: share(measure(report, 'override-rate').overall),
    attendedOfBooked: share(measure(report, 'attended-of-booked')),
    didNotAttend: share(measure(report, 'did-not-attend-rate')),
    level4: escalation.reduce((sum, m) => sum + m.level4Assessments, 0),
    treatmentDaysMedian: measure(report, 'time-in-treatment').days.median,
  };
}

/** Times the organisation's and one service's report, each beside the hand-written headline statement. */
export async function measureReports(
  db: Database,
  year: number,
  out: (line?: string) => void,
): Promise<ReportResult[]> {
  const [organisation, service] = await dashboardScopes(db, year);
  const from = isoDate(`${year}-01-01`);
  const to = isoDate(`${year}-12-31`);
  if (!organisation || !service || !from || !to) throw new Error('no report scopes');
  const scopes: { label: string; scope: ReportScope; targetMs: number }[] = [
    {
      label: organisation.label,
      scope: { serviceIds: organisation.scope.serviceIds, from, to },
      targetMs: 3000,
    },
    { label: service.label, scope: { serviceIds: service.scope.serviceIds, from, to }, targetMs: 300 },
  ];
  const results: ReportResult[] = [];
  for (const { label, scope, targetMs } of scopes) {
    const ours = await timeRuns(REPORT_RUNS, () => serviceOutcomes(db, scope));
    const handWritten = await timeRuns(REPORT_RUNS, () => handWrittenHeadline(db, scope));
    const mine = headlineOf(await serviceOutcomes(db, scope));
    const theirs = await handWrittenHeadline(db, scope);
    const agree = isDeepStrictEqual(mine, theirs);
    out(
      `service-outcomes report, ${label}: ours p50 ${ms(ours.p50)}, hand-written headline p50 ` +
        `${ms(handWritten.p50)}, target < ${targetMs} ms, same headline numbers: ${agree ? 'yes' : 'NO'}` +
        ` (${mine.episodes} episodes)`,
    );
    results.push({ label, ours, handWritten, agree, targetMs });
  }
  return results;
}

// The service dashboard's aggregates (months, funnel, practitioners, teams), computed in SQL for national scale.
import type { Database, Queryable } from './db.ts';
import type { OutcomeSeries } from '../domain/outcomes/series.ts';

export interface OutcomeScope {
  /** Service ids (uuids); an organisation is several services, a service is one team. */
  readonly serviceIds: readonly string[];
  /** 'YYYY-MM-DD', inclusive. */
  readonly from: string;
  /** 'YYYY-MM-DD', inclusive. */
  readonly to: string;
  /** Restrict every figure to this practitioner's caseload in the period. */
  readonly practitionerId?: string;
}

export type {
  Funnel,
  OutcomeSeries,
  PractitionerRow,
  SeriesMonth,
  TeamRow,
} from '../domain/outcomes/series.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day after a 'YYYY-MM-DD' date, as the UTC midnight that ends the period. */
function endOfDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
}

/**
 * The shared CTEs: `scope` (the patients counted), `decided` (decided assessments in the period), `appts`
 * (appointments whose latest event is in the period and not a cancellation) and `firsts` (first ever decided
 * assessments that fall in the period). They read the summary tables of
 * migration 010, which triggers keep in step with harm_decisions and appointment_events. Parameters: $1 service
 * ids, $2/$3 the period as [start, end) UTC instants, $4 the practitioner. Period tests are ranges so the indexes
 * on the instants serve; a day is a UTC calendar day.
 */
function scopeSql(withPractitioner: boolean): string {
  // A practitioner's caseload: they decided an assessment, held a (non-cancelled) appointment, or were named
  // key worker in a care plan, within the period.
  const caseload = withPractitioner
    ? `AND p.id IN (
         SELECT f.patient_id FROM outcome_assessment_facts f
          WHERE f.decided_by = $4::uuid AND f.assessed_at >= $2 AND f.assessed_at < $3
         UNION
         SELECT st.patient_id FROM outcome_appointment_states st
          WHERE st.practitioner_id = $4::uuid AND st.starts_at >= $2 AND st.starts_at < $3 AND st.status <> 'cancelled'
         UNION
         SELECT c.patient_id FROM care_plans c
          WHERE c.plan->>'keyWorkerId' = $4::uuid::text AND c.recorded_at >= $2 AND c.recorded_at < $3)`
    : '';
  // Without a practitioner, the summary rows' own service column selects them: one index range per service.
  const inScope = (alias: string) =>
    withPractitioner ? `AND ${alias}.patient_id IN (SELECT id FROM scope)` : '';
  return `scope AS NOT MATERIALIZED (
      SELECT p.id, p.service_id, p.created_at FROM patients p
       WHERE p.service_id = ANY($1::uuid[]) ${caseload}
    ), decided AS (
      SELECT f.patient_id, f.service_id, f.assessed_at, f.confirmed_level, f.overridden, f.decided_by, f.harm
        FROM outcome_assessment_facts f
       WHERE f.service_id = ANY($1::uuid[]) AND f.assessed_at >= $2 AND f.assessed_at < $3 ${inScope('f')}
    ), appts AS (
      SELECT st.patient_id, st.service_id, st.starts_at, st.status
        FROM outcome_appointment_states st
       WHERE st.service_id = ANY($1::uuid[]) AND st.starts_at >= $2 AND st.starts_at < $3 AND st.status <> 'cancelled'
         ${inScope('st')}
    ), firsts AS (
      SELECT f.patient_id, f.assessed_at, f.confirmed_level
        FROM outcome_first_assessments f
       WHERE f.service_id = ANY($1::uuid[]) AND f.assessed_at >= $2 AND f.assessed_at < $3 ${inScope('f')}
    )`;
}

/** Timestamps grouped by UTC calendar month (formatted once per group, not per row). */
const MONTH = (column: string) => `date_trunc('month', ${column} AT TIME ZONE 'UTC')`;
/** The period's first day, and the day after its last, as UTC calendar days. */
const FIRST_DAY = `($2::timestamptz AT TIME ZONE 'UTC')::date`;
const END_DAY = `($3::timestamptz AT TIME ZONE 'UTC')::date`;

/** One row per month of the period, zero months included. */
const MONTHS_SQL = (withPractitioner: boolean) => `
  WITH ${scopeSql(withPractitioner)},
  months AS (
    SELECT m FROM generate_series(date_trunc('month', ${FIRST_DAY}::timestamp), (${END_DAY} - 1)::timestamp,
                                  interval '1 month') m
  ), registered AS (
    SELECT ${MONTH('created_at')} AS m, count(*)::int AS n FROM scope
     WHERE created_at >= $2 AND created_at < $3 GROUP BY 1
  ), assessed AS (
    SELECT ${MONTH('assessed_at')} AS m, count(*)::int AS n,
           count(*) FILTER (WHERE overridden)::int AS overrides,
           count(*) FILTER (WHERE confirmed_level = 4)::int AS level4
      FROM decided GROUP BY 1
  ), first_by_month AS (
    SELECT ${MONTH('f.assessed_at')} AS m,
           count(*) FILTER (WHERE f.confirmed_level = 1)::int AS l1, count(*) FILTER (WHERE f.confirmed_level = 2)::int AS l2,
           count(*) FILTER (WHERE f.confirmed_level = 3)::int AS l3, count(*) FILTER (WHERE f.confirmed_level = 4)::int AS l4
      FROM firsts f GROUP BY 1
  ), appointments_by_month AS (
    SELECT ${MONTH('starts_at')} AS m, count(*)::int AS booked,
           count(*) FILTER (WHERE status = 'attended')::int AS attended,
           count(*) FILTER (WHERE status = 'did-not-attend')::int AS dna
      FROM appts GROUP BY 1
  ), crises AS (
    SELECT date_trunc('month', c.occurred_on::timestamp) AS m, count(*)::int AS n
      FROM crisis_events c JOIN scope s ON s.id = c.patient_id
     WHERE c.occurred_on >= ${FIRST_DAY} AND c.occurred_on < ${END_DAY}
       AND NOT EXISTS (SELECT 1 FROM crisis_event_retractions r WHERE r.event_id = c.id)
     GROUP BY 1
  )
  SELECT to_char(months.m, 'YYYY-MM') AS month, COALESCE(r.n, 0) AS new_patients,
         COALESCE(f.l1, 0) AS l1, COALESCE(f.l2, 0) AS l2, COALESCE(f.l3, 0) AS l3, COALESCE(f.l4, 0) AS l4,
         COALESCE(a.n, 0) AS assessments, COALESCE(a.overrides, 0) AS overrides, COALESCE(a.level4, 0) AS level4,
         COALESCE(b.booked, 0) AS booked, COALESCE(b.attended, 0) AS attended, COALESCE(b.dna, 0) AS dna,
         COALESCE(c.n, 0) AS crisis_events
    FROM months
    LEFT JOIN registered r USING (m) LEFT JOIN first_by_month f USING (m) LEFT JOIN assessed a USING (m)
    LEFT JOIN appointments_by_month b USING (m) LEFT JOIN crises c USING (m)
   ORDER BY months.m`;

/**
 * Per-person stage flags, counted per team and overall (the row whose service_id is null). Every event of the
 * period becomes one narrow row, and one grouping per person turns them into the person's stages.
 */
const PEOPLE_SQL = (withPractitioner: boolean) => `
  WITH ${scopeSql(withPractitioner)},
  events AS (
    SELECT patient_id, service_id, 1 AS assessments, overridden::int AS overrides, harm, 0 AS booked,
           0 AS attended, 0 AS dna, NULL::timestamptz AS attended_at, NULL::timestamptz AS plan_at, false AS registered
      FROM decided
    UNION ALL
    SELECT patient_id, service_id, 0, 0, false, 1, (status = 'attended')::int, (status = 'did-not-attend')::int,
           CASE WHEN status = 'attended' THEN starts_at END, NULL, false
      FROM appts
    UNION ALL
    SELECT c.patient_id, s.service_id, 0, 0, false, 0, 0, 0, NULL, c.recorded_at, false
      FROM care_plans c JOIN scope s ON s.id = c.patient_id
     WHERE c.recorded_at >= $2 AND c.recorded_at < $3
    UNION ALL
    SELECT id, service_id, 0, 0, false, 0, 0, 0, NULL, NULL, true FROM scope WHERE created_at >= $2 AND created_at < $3
  ), people AS (
    SELECT service_id, sum(assessments) AS assessments, sum(overrides) AS overrides, bool_or(harm) AS harm,
           sum(booked) AS booked, sum(attended) AS attended, sum(dna) AS dna, max(attended_at) AS last_attended,
           min(plan_at) AS first_plan, bool_or(registered) AS registered
      FROM events GROUP BY patient_id, service_id
  )
  SELECT service_id,
         count(*) FILTER (WHERE registered OR assessments > 0 OR booked > 0)::int AS in_contact,
         count(*) FILTER (WHERE assessments > 0)::int AS assessed, count(*) FILTER (WHERE harm)::int AS harm,
         count(first_plan)::int AS planned,
         count(*) FILTER (WHERE (last_attended AT TIME ZONE 'UTC')::date >= (first_plan AT TIME ZONE 'UTC')::date)::int
           AS delivered,
         COALESCE(sum(assessments), 0)::int AS assessments, COALESCE(sum(overrides), 0)::int AS overrides,
         COALESCE(sum(attended), 0)::int AS attended, COALESCE(sum(dna), 0)::int AS dna
    FROM people GROUP BY GROUPING SETS ((service_id), ())`;

/** Decided assessments in the period by the practitioner who decided them. */
const PRACTITIONERS_SQL = (withPractitioner: boolean) => `
  WITH ${scopeSql(withPractitioner)}
  SELECT d.decided_by AS id, u.display_name, count(*)::int AS assessments,
         count(*) FILTER (WHERE d.overridden)::int AS overrides
    FROM decided d JOIN users u ON u.id = d.decided_by
   GROUP BY d.decided_by, u.display_name
   ORDER BY lower(u.display_name), d.decided_by`;

/**
 * The same three figures read from migration 027's rollups, for whole UTC calendar months and no practitioner:
 * $1 service ids, $2/$3 the first day of the first month and of the month after the last. The rollups are kept
 * by triggers from the summary tables above, so the figures are the same as theirs (test/outcome-rollups.test.ts).
 */
const ROLLUP_MONTHS_SQL = `
  WITH months AS (
    SELECT m FROM generate_series($2::date::timestamp, ($3::date - 1)::timestamp, interval '1 month') m
  ), counted AS (
    SELECT r.month::timestamp AS m, sum(r.new_patients)::int AS new_patients, sum(r.first_l1)::int AS l1,
           sum(r.first_l2)::int AS l2, sum(r.first_l3)::int AS l3, sum(r.first_l4)::int AS l4,
           sum(r.assessments)::int AS assessments, sum(r.overrides)::int AS overrides, sum(r.level4)::int AS level4,
           sum(r.booked)::int AS booked, sum(r.attended)::int AS attended, sum(r.dna)::int AS dna,
           sum(r.crisis_events)::int AS crisis_events
      FROM outcome_service_months r
     WHERE r.service_id = ANY($1::uuid[]) AND r.month >= $2::date AND r.month < $3::date
     GROUP BY r.month
  )
  SELECT to_char(months.m, 'YYYY-MM') AS month, COALESCE(c.new_patients, 0) AS new_patients,
         COALESCE(c.l1, 0) AS l1, COALESCE(c.l2, 0) AS l2, COALESCE(c.l3, 0) AS l3, COALESCE(c.l4, 0) AS l4,
         COALESCE(c.assessments, 0) AS assessments, COALESCE(c.overrides, 0) AS overrides,
         COALESCE(c.level4, 0) AS level4, COALESCE(c.booked, 0) AS booked, COALESCE(c.attended, 0) AS attended,
         COALESCE(c.dna, 0) AS dna, COALESCE(c.crisis_events, 0) AS crisis_events
    FROM months LEFT JOIN counted c USING (m)
   ORDER BY months.m`;

/** Per-person stages from the person-month rollup: one grouping of a person's months, as PEOPLE_SQL does. */
const ROLLUP_PEOPLE_SQL = `
  WITH people AS (
    SELECT service_id, sum(assessments) AS assessments, sum(overrides) AS overrides, bool_or(harm) AS harm,
           sum(booked) AS booked, sum(attended) AS attended, sum(dna) AS dna, max(last_attended) AS last_attended,
           min(first_plan) AS first_plan, bool_or(registered) AS registered
      FROM outcome_person_months
     WHERE service_id = ANY($1::uuid[]) AND month >= $2::date AND month < $3::date
     GROUP BY patient_id, service_id
  )
  SELECT service_id,
         count(*) FILTER (WHERE registered OR assessments > 0 OR booked > 0)::int AS in_contact,
         count(*) FILTER (WHERE assessments > 0)::int AS assessed, count(*) FILTER (WHERE harm)::int AS harm,
         count(first_plan)::int AS planned,
         count(*) FILTER (WHERE (last_attended AT TIME ZONE 'UTC')::date >= (first_plan AT TIME ZONE 'UTC')::date)::int
           AS delivered,
         COALESCE(sum(assessments), 0)::int AS assessments, COALESCE(sum(overrides), 0)::int AS overrides,
         COALESCE(sum(attended), 0)::int AS attended, COALESCE(sum(dna), 0)::int AS dna
    FROM people GROUP BY GROUPING SETS ((service_id), ())`;

const ROLLUP_PRACTITIONERS_SQL = `
  SELECT r.decided_by AS id, u.display_name, sum(r.assessments)::int AS assessments,
         sum(r.overrides)::int AS overrides
    FROM outcome_practitioner_months r JOIN users u ON u.id = r.decided_by
   WHERE r.service_id = ANY($1::uuid[]) AND r.month >= $2::date AND r.month < $3::date
   GROUP BY r.decided_by, u.display_name
  HAVING sum(r.assessments) > 0
   ORDER BY lower(u.display_name), r.decided_by`;

/** The period as whole UTC calendar months [first day, first day of the month after), or null when it is not. */
export function wholeMonths(scope: Pick<OutcomeScope, 'from' | 'to'>): [string, string] | null {
  if (!scope.from.endsWith('-01')) return null;
  const after = endOfDay(scope.to).slice(0, 10);
  return after.endsWith('-01') && after > scope.from ? [scope.from, after] : null;
}

interface MonthRow {
  month: string;
  new_patients: number;
  l1: number;
  l2: number;
  l3: number;
  l4: number;
  assessments: number;
  overrides: number;
  level4: number;
  booked: number;
  attended: number;
  dna: number;
  crisis_events: number;
}

interface PeopleRow {
  service_id: string | null;
  in_contact: number;
  assessed: number;
  harm: number;
  planned: number;
  delivered: number;
  assessments: number;
  overrides: number;
  attended: number;
  dna: number;
}

/** The statement parameters for a scope; throws on a malformed period (callers validate at the edge). */
function scopeParams(scope: OutcomeScope): unknown[] {
  if (
    !ISO_DAY.test(scope.from) ||
    !ISO_DAY.test(scope.to) ||
    Number.isNaN(Date.parse(scope.from + 'T00:00:00Z'))
  )
    throw new Error('outcome period must be YYYY-MM-DD dates');
  const params: unknown[] = [[...scope.serviceIds], `${scope.from}T00:00:00.000Z`, endOfDay(scope.to)];
  if (scope.practitionerId !== undefined) params.push(scope.practitionerId);
  return params;
}

const canOpenTransactions = (db: Queryable): db is Database =>
  typeof (db as Partial<Database>).transaction === 'function';

/**
 * Runs one aggregate statement in a transaction of its own (when `db` can open one) with two settings for it alone:
 * JIT compilation off, because at national scale the plans cost enough to trigger it and it then spends longer
 * compiling (seconds) than the statement takes to run; and room to group a year's events per person in memory
 * rather than on disk (docs/performance.md has the figures). Inside a caller's transaction it runs as it is.
 */
async function aggregate<T>(db: Queryable, sql: string, params: readonly unknown[]): Promise<T[]> {
  if (!canOpenTransactions(db)) return db.query<T>(sql, params);
  return db.transaction(async (tx) => {
    await tx.query("SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)");
    return tx.query<T>(sql, params);
  });
}

/**
 * The dashboard's figures for a set of services over a period, optionally over one practitioner's caseload.
 * Four statements, sent together; all counting happens in the database.
 */
export async function loadOutcomeSeries(
  db: Queryable,
  scope: OutcomeScope,
  options: { readonly rollups?: boolean } = {},
): Promise<OutcomeSeries> {
  const params = scopeParams(scope);
  const withPractitioner = scope.practitionerId !== undefined;
  // Whole months of services read migration 027's rollups; a caseload or part of a month reads the summary rows.
  const months = withPractitioner || options.rollups === false ? null : wholeMonths(scope);
  const [sql, values] = months
    ? [
        { months: ROLLUP_MONTHS_SQL, people: ROLLUP_PEOPLE_SQL, practitioners: ROLLUP_PRACTITIONERS_SQL },
        [[...scope.serviceIds], ...months],
      ]
    : [
        {
          months: MONTHS_SQL(withPractitioner),
          people: PEOPLE_SQL(withPractitioner),
          practitioners: PRACTITIONERS_SQL(withPractitioner),
        },
        params,
      ];
  return seriesOf(db, scope, sql, values);
}

async function seriesOf(
  db: Queryable,
  scope: OutcomeScope,
  sql: { months: string; people: string; practitioners: string },
  params: readonly unknown[],
): Promise<OutcomeSeries> {
  const [months, people, practitioners, services] = await Promise.all([
    aggregate<MonthRow>(db, sql.months, params),
    aggregate<PeopleRow>(db, sql.people, params),
    aggregate<{ id: string; display_name: string; assessments: number; overrides: number }>(
      db,
      sql.practitioners,
      params,
    ),
    db.query<{ id: string; name: string }>(
      'SELECT id, name FROM services WHERE id = ANY($1::uuid[]) ORDER BY lower(name), id',
      [[...scope.serviceIds]],
    ),
  ]);
  const total = people.find((r) => r.service_id === null);
  const byService = new Map(people.filter((r) => r.service_id !== null).map((r) => [r.service_id, r]));
  return {
    months: months.map((m) => ({
      month: m.month,
      newPatients: m.new_patients,
      firstAssessed: [m.l1, m.l2, m.l3, m.l4],
      assessments: m.assessments,
      overrides: m.overrides,
      level4: m.level4,
      booked: m.booked,
      attended: m.attended,
      didNotAttend: m.dna,
      crisisEvents: m.crisis_events,
    })),
    funnel: {
      inContact: total?.in_contact ?? 0,
      assessed: total?.assessed ?? 0,
      harmIdentified: total?.harm ?? 0,
      carePlanned: total?.planned ?? 0,
      interventionDelivered: total?.delivered ?? 0,
    },
    practitioners: practitioners.map((p) => ({
      practitionerId: p.id,
      displayName: p.display_name,
      assessments: p.assessments,
      overrides: p.overrides,
    })),
    teams: services.map((s) => {
      const row = byService.get(s.id);
      return {
        serviceId: s.id,
        name: s.name,
        patients: row?.in_contact ?? 0,
        assessments: row?.assessments ?? 0,
        overrides: row?.overrides ?? 0,
        attended: row?.attended ?? 0,
        didNotAttend: row?.dna ?? 0,
      };
    }),
  };
}

// The service outcomes report's per-person measures worked out in SQL, over migration 027's assessment rows and
// migration 010's appointment states: each statement groups per person and returns only counts, histograms and
// pairs, so the report's size does not grow with the number of people. The episodes are the ones loadEpisodes
// (src/store/outcome-episodes.ts) loads, and test/outcome-rollups.test.ts checks every figure against the domain
// measures run on those episodes.
import type { Database, Queryable } from './db.ts';
import type { EpisodeScope } from './outcome-episodes.ts';

/** Sums of each person's part of a share, and the people whose part has a numerator / denominator above 0. */
export interface PartTotals {
  readonly numerator: number;
  readonly denominator: number;
  readonly peopleNumerator: number;
  readonly peopleDenominator: number;
}

/** How many people (or gaps, or days) had each value. */
export interface ValueCount {
  readonly value: number;
  readonly n: number;
}

/** People with this baseline and latest value. */
export interface PairCount {
  readonly baseline: number;
  readonly latest: number;
  readonly n: number;
}

/** One outcome's baselines: the (baseline, latest) pairs of people with two values or more, and everyone with one. */
export interface ChangeTotals {
  readonly pairs: readonly PairCount[];
  readonly withBaseline: number;
}

export interface GroupedParts extends PartTotals {
  readonly key: string;
}

export interface AssessmentTotals {
  readonly sentinelDays: readonly ValueCount[];
  readonly sentinelPairs: PartTotals;
  /** First assessments in the period per month ('YYYY-MM') and confirmed level. */
  readonly firstLevels: readonly { readonly month: string; readonly level: number; readonly n: number }[];
  readonly overrides: PartTotals;
  readonly overridesByPractitioner: readonly GroupedParts[];
  /** Keyed by team (service) name. */
  readonly overridesByTeam: readonly GroupedParts[];
  readonly spread: readonly {
    readonly proposed: number;
    readonly confirmed: number;
    readonly practitionerId: string;
    readonly n: number;
  }[];
  readonly reviews: number;
  readonly rose: PartTotals;
  readonly fell: PartTotals;
  readonly unchanged: PartTotals;
  readonly level4ByMonth: readonly { readonly month: string; readonly n: number }[];
  readonly reviewsOnTime: PartTotals;
  readonly daysUsed: ChangeTotals;
  readonly sds: ChangeTotals;
  readonly phq9: ChangeTotals;
}

export interface EpisodeTotals {
  readonly episodes: number;
  /** Days from first contact to the report date, per person. */
  readonly daysInTreatment: readonly ValueCount[];
  readonly attendedOfBooked: PartTotals;
  readonly didNotAttend: PartTotals;
  readonly contactGaps: readonly ValueCount[];
  /** Care plans written in the period from a decision: their level and (distinct, sorted) interventions. */
  readonly carePlans: readonly {
    readonly level: number;
    readonly interventions: string[];
    readonly n: number;
  }[];
  readonly keyWorkers: { readonly withKeyWorker: number; readonly one: number };
  readonly referrals: {
    readonly total: number;
    readonly made: number;
    readonly onTime: number;
    readonly overdue: number;
  };
  readonly crisesByMonth: readonly { readonly month: string; readonly n: number }[];
  readonly urinary: ChangeTotals;
}

/**
 * The patients in scope: in the services, registered by the end of the period, and in the caseload when one is
 * asked for (as loadEpisodes and the dashboard define it). $1 services, $2/$3 the period's first and last days,
 * $4 the practitioner.
 */
function patientsSql(byPractitioner: boolean): string {
  const caseload = byPractitioner
    ? `AND p.id IN (
         SELECT f.patient_id FROM outcome_assessment_facts f
          WHERE f.decided_by = $4::uuid AND f.assessed_at >= $2::date AND f.assessed_at < ($3::date + 1)
         UNION SELECT st.patient_id FROM outcome_appointment_states st
          WHERE st.practitioner_id = $4::uuid AND st.starts_at >= $2::date AND st.starts_at < ($3::date + 1)
            AND st.status <> 'cancelled'
         UNION SELECT c.patient_id FROM care_plans c
          WHERE c.plan->>'keyWorkerId' = $4::uuid::text AND c.recorded_at >= $2::date AND c.recorded_at < ($3::date + 1))`
    : '';
  return `pats AS NOT MATERIALIZED (
      SELECT p.id, p.service_id, p.created_at FROM patients p
       WHERE p.service_id = ANY($1::uuid[]) AND p.created_at < ($3::date + 1) ${caseload}
    )`;
}

const PARTS = (num: string, den: string) =>
  `json_build_object('numerator', COALESCE(sum(${num}), 0), 'denominator', COALESCE(sum(${den}), 0),
     'peopleNumerator', count(*) FILTER (WHERE ${num} > 0), 'peopleDenominator', count(*) FILTER (WHERE ${den} > 0))`;

/**
 * A value and its position as one bigint that orders by position: the smallest of a person's is their first value
 * and the largest their last (any integer value, offset to be non-negative in the low 32 bits).
 */
const POSITIONED = (column: string) => `(m.seq::bigint * 4294967296 + (m.${column}::bigint + 2147483648))`;
const VALUE_OF = (positioned: string) => `(${positioned} % 4294967296 - 2147483648)`;

/** One outcome's pairs and people with a baseline, from each person's first and last value and how many they have. */
const CHANGE = (name: string, from: string) => `json_build_object(
    'pairs', COALESCE((SELECT json_agg(json_build_object('baseline', b, 'latest', l, 'n', n))
                         FROM (SELECT ${VALUE_OF(`${name}_first`)} AS b, ${VALUE_OF(`${name}_last`)} AS l,
                                      count(*) AS n
                                 FROM ${from} WHERE ${name}_n >= 2 GROUP BY 1, 2) x), '[]'),
    'withBaseline', (SELECT count(*) FROM ${from} WHERE ${name}_n >= 1))`;

/** A person's first and last value of an outcome (by position) and their number, over their assessments. */
const VALUES = (column: string, name: string) => `
    min(${POSITIONED(column)}) AS ${name}_first, max(${POSITIONED(column)}) AS ${name}_last,
    count(m.${column}) AS ${name}_n`;

/**
 * Each person's decided assessments in the period (migration 028's rows with their links), as `m`. A
 * patient's service never changes and each row carries it, so outside a caseload the rows of the services' patients
 * registered by the end of the period are those of the services less those of patients registered after it (few, so
 * this reads no patient rows for the rest).
 */
const rowsInScope = (byPractitioner: boolean, columns: string) => `(
    SELECT ${columns}
      FROM outcome_assessment_rows m
     WHERE m.service_id = ANY($1::uuid[]) AND m.assessed_at >= $2::date AND m.assessed_at < ($3::date + 1)
       AND ${
         byPractitioner
           ? 'm.patient_id IN (SELECT id FROM pats)'
           : 'NOT EXISTS (SELECT 1 FROM patients q WHERE q.id = m.patient_id AND q.created_at >= ($3::date + 1))'
       }
    OFFSET 0) m`;

/**
 * The person-level assessment measures, in one pass over each person's decided assessments in the period without
 * sorting them: migration 028 keeps on each row its position among the person's assessments (assessed_at, then
 * assessment id, the order loadEpisodes gives), the previous one's instant and level, and the first assessment
 * after the decision. A row is the person's first in the period when the previous one falls before it; a level
 * change at review compares with the previous one when that is in the period; a decision's review is done by the
 * link when it falls in the period, and by the person's first assessment in the period when the link falls before
 * it (every assessment in the period is then after the decision).
 */
const ASSESSMENTS_SQL = (byPractitioner: boolean) => `
  WITH ${patientsSql(byPractitioner)},
  person AS (
    SELECT m.patient_id, m.service_id, count(*) AS n,
           count(*) FILTER (WHERE m.overridden) AS overrides,
           count(*) FILTER (WHERE m.prev_at >= $2::date AND m.confirmed_level > m.prev_level) AS rose,
           count(*) FILTER (WHERE m.prev_at >= $2::date AND m.confirmed_level < m.prev_level) AS fell,
           min(m.assessed_at) FILTER (WHERE m.has_symptoms) AS first_symptom_at,
           min(m.assessed_at) AS first_at,
           max(m.confirmed_level) FILTER (WHERE m.prev_at IS NULL OR m.prev_at < $2::date) AS first_level,
           max(m.distinct_codes) FILTER (WHERE m.prev_at IS NULL OR m.prev_at < $2::date) AS first_codes,
           bit_or(m.code_bits) AS code_bits, bool_or(m.code_bits IS NULL) AS codes_unnumbered,
           count(*) FILTER (WHERE m.review_at >= $2::date AND m.review_at < ($3::date + 1)
                              AND (m.review_at AT TIME ZONE 'UTC')::date <= m.review_due) AS on_time,
           count(*) FILTER (WHERE (m.review_at >= $2::date AND m.review_at < ($3::date + 1))
                              OR ((m.review_at IS NULL OR m.review_at >= ($3::date + 1)) AND $3::date > m.review_due))
             AS counted,
           count(*) FILTER (WHERE m.review_at < $2::date) AS early,
           ${VALUES('days_used', 'days_used')},
           ${VALUES('sds', 'sds')},
           ${VALUES('phq9', 'phq9')}
      FROM ${rowsInScope(
        byPractitioner,
        `m.patient_id, m.service_id, m.assessed_at, m.overridden, m.confirmed_level, m.prev_at, m.prev_level,
         m.symptom_count > 0 AS has_symptoms, m.distinct_codes, m.code_bits, m.review_at, m.review_due,
         m.seq, m.days_used, m.sds, m.phq9`,
      )}
     GROUP BY m.patient_id, m.service_id
  ), people AS MATERIALIZED (
    SELECT x.*, n - 1 AS reviews, to_char(first_at AT TIME ZONE 'UTC', 'YYYY-MM') AS first_month,
           (first_symptom_at AT TIME ZONE 'UTC')::date - (p.created_at AT TIME ZONE 'UTC')::date AS sentinel_days,
           on_time + CASE WHEN early > 0 THEN (
             SELECT count(*) FROM outcome_assessment_rows e
              WHERE e.patient_id = x.patient_id AND e.service_id = ANY($1::uuid[])
                AND e.assessed_at >= $2::date AND e.assessed_at < ($3::date + 1) AND e.review_at < $2::date
                AND (x.first_at AT TIME ZONE 'UTC')::date <= e.review_due) ELSE 0 END AS on_time_all,
           counted + early AS counted_all,
           CASE WHEN codes_unnumbered
                THEN (SELECT count(DISTINCT c) FROM outcome_assessment_measures m, unnest(m.symptoms) c
                       WHERE m.patient_id = x.patient_id AND m.service_id = ANY($1::uuid[])
                         AND m.assessed_at >= $2::date AND m.assessed_at < ($3::date + 1))
                ELSE length(replace(code_bits::bit(64)::text, '0', '')) END AS all_codes
      FROM person x JOIN pats p ON p.id = x.patient_id
  )
  SELECT (SELECT jsonb_build_object(
             'sentinelPairs', ${PARTS('first_codes', 'all_codes')},
             'overrides', ${PARTS('overrides', 'n')},
             'reviews', COALESCE(sum(reviews), 0),
             'rose', ${PARTS('rose', 'reviews')},
             'fell', ${PARTS('fell', 'reviews')},
             'unchanged', ${PARTS('(reviews - rose - fell)', 'reviews')},
             'reviewsOnTime', ${PARTS('on_time_all', 'counted_all')})
            FROM people)
      || jsonb_build_object(
    'sentinelDays', COALESCE((SELECT json_agg(json_build_object('value', sentinel_days, 'n', n))
                                FROM (SELECT sentinel_days, count(*) AS n FROM people
                                       WHERE sentinel_days IS NOT NULL GROUP BY 1) x), '[]'),
    'firstLevels', COALESCE((SELECT json_agg(json_build_object('month', first_month, 'level', first_level, 'n', n))
                               FROM (SELECT first_month, first_level, count(*) AS n FROM people GROUP BY 1, 2) x), '[]'),
    'overridesByTeam', COALESCE((SELECT json_agg(x) FROM (
        SELECT s.name AS key, sum(overrides) AS numerator, sum(n) AS denominator,
               count(*) FILTER (WHERE overrides > 0) AS "peopleNumerator", count(*) AS "peopleDenominator"
          FROM people JOIN services s ON s.id = people.service_id GROUP BY s.name) x), '[]'),
    'daysUsed', ${CHANGE('days_used', 'people')},
    'sds', ${CHANGE('sds', 'people')},
    'phq9', ${CHANGE('phq9', 'people')}
  ) AS totals`;

/**
 * The row-level assessment measures, in one grouping of the same rows by three sets: per practitioner and person
 * (override rates by practitioner), per proposed level, confirmed level and practitioner (the spread), and per month
 * of the level-4 assessments.
 */
const ASSESSMENT_CELLS_SQL = (byPractitioner: boolean) => `
  WITH ${patientsSql(byPractitioner)},
  cells AS MATERIALIZED (
    SELECT GROUPING(m.patient_id) = 0 AS by_person, GROUPING(m.proposed_level) = 0 AS by_level,
           m.decided_by, m.patient_id, m.proposed_level, m.confirmed_level,
           CASE WHEN m.confirmed_level = 4 THEN date_trunc('month', m.assessed_at AT TIME ZONE 'UTC') END AS month4,
           count(*) AS n, count(*) FILTER (WHERE m.overridden) AS overrides
      FROM ${rowsInScope(
        byPractitioner,
        'm.decided_by, m.patient_id, m.proposed_level, m.confirmed_level, m.assessed_at, m.overridden',
      )}
     GROUP BY GROUPING SETS ((m.decided_by, m.patient_id), (m.proposed_level, m.confirmed_level, m.decided_by),
                            (CASE WHEN m.confirmed_level = 4 THEN date_trunc('month', m.assessed_at AT TIME ZONE 'UTC') END))
  )
  SELECT json_build_object(
    'overridesByPractitioner', COALESCE((SELECT json_agg(x) FROM (
        SELECT decided_by AS key, sum(overrides) AS numerator, sum(n) AS denominator,
               count(*) FILTER (WHERE overrides > 0) AS "peopleNumerator", count(*) AS "peopleDenominator"
          FROM cells WHERE by_person GROUP BY decided_by) x), '[]'),
    'spread', COALESCE((SELECT json_agg(json_build_object('proposed', proposed_level, 'confirmed', confirmed_level,
                                                          'practitionerId', decided_by, 'n', n))
                          FROM cells WHERE by_level), '[]'),
    'level4ByMonth', COALESCE((SELECT json_agg(json_build_object('month', to_char(month4, 'YYYY-MM'), 'n', n))
                                 FROM cells WHERE NOT by_person AND NOT by_level AND month4 IS NOT NULL), '[]')
  ) AS totals`;

/**
 * Every other episode-based measure. The episodes: patients in scope first seen in the period or with a decided
 * assessment or an appointment (any state) in it.
 */
const EPISODES_SQL = (byPractitioner: boolean) => `
  WITH ${patientsSql(byPractitioner)},
  ep AS MATERIALIZED (
    SELECT p.id, (p.created_at AT TIME ZONE 'UTC')::date AS first_contact FROM pats p
     WHERE (p.created_at AT TIME ZONE 'UTC')::date BETWEEN $2::date AND $3::date
        OR EXISTS (SELECT 1 FROM outcome_assessment_rows m
                    WHERE m.patient_id = p.id AND m.assessed_at >= $2::date AND m.assessed_at < ($3::date + 1))
        OR EXISTS (SELECT 1 FROM outcome_appointment_states st
                    WHERE st.patient_id = p.id AND st.service_id = ANY($1::uuid[])
                      AND st.starts_at >= $2::date AND st.starts_at < ($3::date + 1))
  ), urinary AS (
    -- People without a checklist in the period have no values, so only people with one are read.
    SELECT count(*) AS counts_n, (array_agg(present ORDER BY completed_at, id))[1] AS first_value,
           (array_agg(present ORDER BY completed_at DESC, id DESC))[1] AS last_value
      FROM (SELECT r.patient_id, r.completed_at, r.id,
                   (SELECT count(*) FROM jsonb_each_text(r.answers) i
                     WHERE i.key IN ('1','2','3','4','5','6','7') AND i.value = '1')::int AS present
              FROM questionnaire_responses r JOIN ep ON ep.id = r.patient_id
             WHERE r.instrument_id = 'ketamine-urinary-checklist'
               AND r.completed_at >= $2::date AND r.completed_at < ($3::date + 1)) c
     GROUP BY patient_id
  ), urinary_values AS (
    SELECT counts_n, first_value::bigint + 2147483648 AS counts_first, last_value::bigint + 2147483648 AS counts_last
      FROM urinary
  )
  SELECT json_build_object(
    'episodes', (SELECT count(*) FROM ep),
    'daysInTreatment', COALESCE((SELECT json_agg(json_build_object('value', d, 'n', n))
                                   FROM (SELECT $3::date - first_contact AS d, count(*) AS n FROM ep GROUP BY 1) x), '[]'),
    'carePlans', COALESCE((SELECT json_agg(json_build_object('level', level, 'interventions', interventions, 'n', n))
        FROM (SELECT c.level, c.interventions, count(*) AS n
                FROM outcome_care_plan_rows c JOIN ep ON ep.id = c.patient_id
               WHERE c.service_id = ANY($1::uuid[]) AND c.level IS NOT NULL AND c.recorded_at < ($3::date + 1)
                 AND (c.recorded_at AT TIME ZONE 'UTC')::date >= $2::date
               GROUP BY 1, 2) x), '[]'),
    'keyWorkers', (SELECT json_build_object('withKeyWorker', count(*), 'one', count(*) FILTER (WHERE n = 1))
                     FROM (SELECT c.patient_id, count(*) AS n
                             FROM outcome_care_plan_rows c JOIN ep ON ep.id = c.patient_id
                            WHERE c.service_id = ANY($1::uuid[]) AND c.first_of_key_worker
                              AND c.recorded_at < ($3::date + 1)
                            GROUP BY c.patient_id) k),
    'referrals', (SELECT json_build_object('total', count(*), 'made', count(made_on),
                                           'onTime', count(*) FILTER (WHERE made_on - decided_on <= target_days),
                                           'overdue', count(*) FILTER (WHERE made_on IS NULL
                                                                        AND $3::date > decided_on + target_days))
                    FROM (SELECT r.decided_on, r.target_days, CASE WHEN e.kind = 'made' THEN e.on_date END AS made_on
                            FROM onward_referrals r JOIN ep ON ep.id = r.patient_id
                            LEFT JOIN onward_referral_events e ON e.referral_id = r.id
                           WHERE r.decided_on BETWEEN $2::date AND $3::date AND r.confirmed_level >= 3
                             AND (e.kind IS NULL OR e.kind = 'made')) x),
    'crisesByMonth', COALESCE((SELECT json_agg(json_build_object('month', month, 'n', n)) FROM (
        SELECT to_char(c.occurred_on, 'YYYY-MM') AS month, count(*) AS n
          FROM crisis_events c JOIN ep ON ep.id = c.patient_id
         WHERE c.occurred_on BETWEEN $2::date AND $3::date
           AND NOT EXISTS (SELECT 1 FROM crisis_event_retractions x WHERE x.event_id = c.id)
         GROUP BY 1) x), '[]'),
    'urinary', ${CHANGE('counts', 'urinary_values')}
  ) AS totals`;

/**
 * The appointment measures: each person's appointments in the period (their latest state, any state) and the gaps
 * between attended ones. A person with an appointment in the period is an episode, so these need no episode list.
 */
const APPOINTMENTS_SQL = (byPractitioner: boolean) => `
  WITH ${patientsSql(byPractitioner)},
  appts AS MATERIALIZED (
    SELECT st.patient_id, st.status, (st.starts_at AT TIME ZONE 'UTC')::date AS day
      FROM outcome_appointment_states st JOIN pats p ON p.id = st.patient_id
     WHERE st.service_id = ANY($1::uuid[]) AND st.starts_at >= $2::date AND st.starts_at < ($3::date + 1)
  ), ap AS (
    SELECT patient_id,
           count(*) FILTER (WHERE status <> 'rescheduled') AS booked,
           count(*) FILTER (WHERE status = 'attended') AS attended,
           count(*) FILTER (WHERE status IN ('attended', 'did-not-attend')) AS settled,
           count(*) FILTER (WHERE status = 'did-not-attend') AS dna
      FROM appts WHERE day <= $3::date GROUP BY patient_id
  )
  SELECT json_build_object(
    'attendedOfBooked', (SELECT ${PARTS('attended', 'booked')} FROM ap),
    'didNotAttend', (SELECT ${PARTS('dna', 'settled')} FROM ap),
    'contactGaps', COALESCE((SELECT json_agg(json_build_object('value', gap, 'n', n)) FROM (
        SELECT gap, count(*) AS n FROM (
          SELECT day - lag(day) OVER (PARTITION BY patient_id ORDER BY day) AS gap FROM appts WHERE status = 'attended'
        ) g WHERE gap IS NOT NULL GROUP BY gap) x), '[]')
  ) AS totals`;

const canOpenTransactions = (db: Queryable): db is Database =>
  typeof (db as Partial<Database>).transaction === 'function';

/** One statement with JIT off and room to sort in memory (as the dashboard's statements run). */
async function totalsOf<T>(db: Queryable, sql: string, params: readonly unknown[]): Promise<T> {
  const run = async (q: Queryable) => {
    const [row] = await q.query<{ totals: T }>(sql, params);
    if (!row) throw new Error('the measures statement returned no row');
    return row.totals;
  };
  if (!canOpenTransactions(db)) return run(db);
  return db.transaction(async (tx) => {
    await tx.query("SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)");
    return run(tx);
  });
}

/** The report's per-person measures for a scope (four statements, run at once where the engine allows). */
export async function loadMeasureTotals(
  db: Queryable,
  scope: EpisodeScope,
): Promise<{ assessments: AssessmentTotals; episodes: EpisodeTotals }> {
  const byPractitioner = scope.practitionerId !== undefined;
  const params: unknown[] = [[...scope.serviceIds], scope.from, scope.to];
  if (byPractitioner) params.push(scope.practitionerId);
  const [people, cells, episodes, appointments] = await Promise.all([
    totalsOf<Omit<AssessmentTotals, AssessmentCells>>(db, ASSESSMENTS_SQL(byPractitioner), params),
    totalsOf<Pick<AssessmentTotals, AssessmentCells>>(db, ASSESSMENT_CELLS_SQL(byPractitioner), params),
    totalsOf<Omit<EpisodeTotals, AppointmentParts>>(db, EPISODES_SQL(byPractitioner), params),
    totalsOf<Pick<EpisodeTotals, AppointmentParts>>(db, APPOINTMENTS_SQL(byPractitioner), params),
  ]);
  return { assessments: { ...people, ...cells }, episodes: { ...episodes, ...appointments } };
}

type AssessmentCells = 'overridesByPractitioner' | 'spread' | 'level4ByMonth';
type AppointmentParts = 'attendedOfBooked' | 'didNotAttend' | 'contactGaps';

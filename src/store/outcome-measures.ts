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

/** One outcome's pairs and people with a baseline, from a per-person array of values in order. */
const CHANGE = (values: string, from: string) => `json_build_object(
    'pairs', COALESCE((SELECT json_agg(json_build_object('baseline', b, 'latest', l, 'n', n))
                         FROM (SELECT ${values}[1] AS b, ${values}[cardinality(${values})] AS l, count(*) AS n
                                 FROM ${from} WHERE cardinality(${values}) >= 2 GROUP BY 1, 2) x), '[]'),
    'withBaseline', (SELECT count(*) FROM ${from} WHERE cardinality(${values}) >= 1))`;

/**
 * Every assessment-based measure. Each person's decided assessments in the period, in the order loadEpisodes
 * gives them (assessed_at, then assessment id), numbered `k`.
 */
const ASSESSMENTS_SQL = (byPractitioner: boolean) => `
  WITH ${patientsSql(byPractitioner)},
  asm AS MATERIALIZED (
    SELECT m.patient_id, m.service_id, m.assessed_at, m.decided_at, m.review_due, m.proposed_level,
           m.confirmed_level, m.overridden, m.decided_by, m.symptoms, m.days_used, m.sds, m.phq9,
           (m.assessed_at AT TIME ZONE 'UTC')::date AS day, (p.created_at AT TIME ZONE 'UTC')::date AS first_contact,
           row_number() OVER w AS k, lag(m.confirmed_level) OVER w AS before
      FROM outcome_assessment_measures m JOIN pats p ON p.id = m.patient_id
     WHERE m.service_id = ANY($1::uuid[]) AND m.assessed_at >= $2::date AND m.assessed_at < ($3::date + 1)
    WINDOW w AS (PARTITION BY m.patient_id ORDER BY m.assessed_at, m.assessment_id)
  ), reviewed AS (
    -- Each decision's review is done by the person's first assessment (in the period) after the decision.
    SELECT patient_id, review_due, (done_at AT TIME ZONE 'UTC')::date AS done_on FROM (
      SELECT patient_id, kind, review_due,
             min(at) OVER (PARTITION BY patient_id ORDER BY t DESC, kind ROWS UNBOUNDED PRECEDING) AS done_at
        FROM (SELECT patient_id, assessed_at AS t, 1 AS kind, assessed_at AS at, NULL::date AS review_due FROM asm
              UNION ALL
              SELECT patient_id, decided_at, 0, NULL, review_due FROM asm) e
    ) w WHERE kind = 0
  ), review_parts AS (
    SELECT patient_id, count(*) FILTER (WHERE done_on <= review_due) AS on_time,
           count(*) FILTER (WHERE done_on IS NOT NULL OR $3::date > review_due) AS counted
      FROM reviewed GROUP BY patient_id
  ), person AS MATERIALIZED (
    SELECT patient_id, service_id, count(*) AS n, count(*) FILTER (WHERE overridden) AS overrides,
           count(*) - 1 AS reviews, count(*) FILTER (WHERE confirmed_level > before) AS rose,
           count(*) FILTER (WHERE confirmed_level < before) AS fell,
           min(day) FILTER (WHERE cardinality(symptoms) > 0) - min(first_contact) AS sentinel_days,
           COALESCE(array_agg(days_used ORDER BY k) FILTER (WHERE days_used IS NOT NULL), '{}') AS days_used,
           COALESCE(array_agg(sds ORDER BY k) FILTER (WHERE sds IS NOT NULL), '{}') AS sds,
           COALESCE(array_agg(phq9 ORDER BY k) FILTER (WHERE phq9 IS NOT NULL), '{}') AS phq9
      FROM asm GROUP BY patient_id, service_id
  ), codes AS (
    SELECT patient_id, count(DISTINCT code) FILTER (WHERE k = 1) AS first_codes, count(DISTINCT code) AS all_codes
      FROM asm, unnest(symptoms) AS code GROUP BY patient_id
  ), by_practitioner AS (
    SELECT decided_by, patient_id, count(*) AS n, count(*) FILTER (WHERE overridden) AS overrides
      FROM asm GROUP BY decided_by, patient_id
  )
  SELECT json_build_object(
    'sentinelDays', COALESCE((SELECT json_agg(json_build_object('value', sentinel_days, 'n', n))
                                FROM (SELECT sentinel_days, count(*) AS n FROM person
                                       WHERE sentinel_days IS NOT NULL GROUP BY 1) x), '[]'),
    'sentinelPairs', (SELECT ${PARTS('first_codes', 'all_codes')} FROM codes),
    'firstLevels', COALESCE((SELECT json_agg(json_build_object('month', month, 'level', confirmed_level, 'n', n))
                               FROM (SELECT to_char(day, 'YYYY-MM') AS month, confirmed_level, count(*) AS n
                                       FROM asm WHERE k = 1 GROUP BY 1, 2) x), '[]'),
    'overrides', (SELECT ${PARTS('overrides', 'n')} FROM person),
    'overridesByPractitioner', COALESCE((SELECT json_agg(x) FROM (
        SELECT decided_by AS key, sum(overrides) AS numerator, sum(n) AS denominator,
               count(*) FILTER (WHERE overrides > 0) AS "peopleNumerator", count(*) AS "peopleDenominator"
          FROM by_practitioner GROUP BY decided_by) x), '[]'),
    'overridesByTeam', COALESCE((SELECT json_agg(x) FROM (
        SELECT s.name AS key, sum(overrides) AS numerator, sum(n) AS denominator,
               count(*) FILTER (WHERE overrides > 0) AS "peopleNumerator", count(*) AS "peopleDenominator"
          FROM person JOIN services s ON s.id = person.service_id GROUP BY s.name) x), '[]'),
    'spread', COALESCE((SELECT json_agg(json_build_object('proposed', proposed_level, 'confirmed', confirmed_level,
                                                          'practitionerId', decided_by, 'n', n))
                          FROM (SELECT proposed_level, confirmed_level, decided_by, count(*) AS n
                                  FROM asm GROUP BY 1, 2, 3) x), '[]'),
    'reviews', (SELECT COALESCE(sum(reviews), 0) FROM person),
    'rose', (SELECT ${PARTS('rose', 'reviews')} FROM person),
    'fell', (SELECT ${PARTS('fell', 'reviews')} FROM person),
    'unchanged', (SELECT ${PARTS('(reviews - rose - fell)', 'reviews')} FROM person),
    'level4ByMonth', COALESCE((SELECT json_agg(json_build_object('month', month, 'n', n))
                                 FROM (SELECT to_char(day, 'YYYY-MM') AS month, count(*) AS n FROM asm
                                        WHERE confirmed_level = 4 GROUP BY 1) x), '[]'),
    'reviewsOnTime', (SELECT ${PARTS('on_time', 'counted')} FROM review_parts),
    'daysUsed', ${CHANGE('days_used', 'person')},
    'sds', ${CHANGE('sds', 'person')},
    'phq9', ${CHANGE('phq9', 'person')}
  ) AS totals`;

/**
 * Every other episode-based measure. The episodes: patients in scope first seen in the period or with a decided
 * assessment or an appointment (any state) in it.
 */
const EPISODES_SQL = (byPractitioner: boolean) => `
  WITH ${patientsSql(byPractitioner)},
  appts AS MATERIALIZED (
    SELECT st.patient_id, st.status, (st.starts_at AT TIME ZONE 'UTC')::date AS day
      FROM outcome_appointment_states st JOIN pats p ON p.id = st.patient_id
     WHERE st.service_id = ANY($1::uuid[]) AND st.starts_at >= $2::date AND st.starts_at < ($3::date + 1)
  ), ep AS MATERIALIZED (
    SELECT p.id, (p.created_at AT TIME ZONE 'UTC')::date AS first_contact FROM pats p
     WHERE (p.created_at AT TIME ZONE 'UTC')::date BETWEEN $2::date AND $3::date
        OR EXISTS (SELECT 1 FROM outcome_assessment_measures m
                    WHERE m.patient_id = p.id AND m.assessed_at >= $2::date AND m.assessed_at < ($3::date + 1))
        OR EXISTS (SELECT 1 FROM appts a WHERE a.patient_id = p.id)
  ), ap AS (
    SELECT patient_id,
           count(*) FILTER (WHERE status <> 'rescheduled') AS booked,
           count(*) FILTER (WHERE status = 'attended') AS attended,
           count(*) FILTER (WHERE status IN ('attended', 'did-not-attend')) AS settled,
           count(*) FILTER (WHERE status = 'did-not-attend') AS dna
      FROM appts WHERE day <= $3::date GROUP BY patient_id
  ), urinary AS (
    SELECT x.counts FROM ep, LATERAL (
      SELECT COALESCE(array_agg(present ORDER BY completed_at, id), '{}') AS counts FROM (
        SELECT r.completed_at, r.id,
               (SELECT count(*) FROM jsonb_each_text(r.answers) i
                 WHERE i.key IN ('1','2','3','4','5','6','7') AND i.value = '1')::int AS present
          FROM questionnaire_responses r
         WHERE r.patient_id = ep.id AND r.instrument_id = 'ketamine-urinary-checklist'
           AND r.completed_at >= $2::date AND r.completed_at < ($3::date + 1)) c
    ) x
  )
  SELECT json_build_object(
    'episodes', (SELECT count(*) FROM ep),
    'daysInTreatment', COALESCE((SELECT json_agg(json_build_object('value', d, 'n', n))
                                   FROM (SELECT $3::date - first_contact AS d, count(*) AS n FROM ep GROUP BY 1) x), '[]'),
    'attendedOfBooked', (SELECT ${PARTS('attended', 'booked')} FROM ap),
    'didNotAttend', (SELECT ${PARTS('dna', 'settled')} FROM ap),
    'contactGaps', COALESCE((SELECT json_agg(json_build_object('value', gap, 'n', n)) FROM (
        SELECT gap, count(*) AS n FROM (
          SELECT day - lag(day) OVER (PARTITION BY patient_id ORDER BY day) AS gap FROM appts WHERE status = 'attended'
        ) g WHERE gap IS NOT NULL GROUP BY gap) x), '[]'),
    'carePlans', COALESCE((SELECT json_agg(json_build_object('level', level, 'interventions', interventions, 'n', n))
        FROM (SELECT d.confirmed_level AS level,
                     ARRAY(SELECT DISTINCT i->>'interventionId' FROM jsonb_array_elements(c.plan->'interventions') i
                            ORDER BY 1) AS interventions,
                     count(*) AS n
                FROM care_plans c JOIN ep ON ep.id = c.patient_id JOIN harm_decisions d ON d.id = c.decision_id
               WHERE c.recorded_at < ($3::date + 1) AND (c.recorded_at AT TIME ZONE 'UTC')::date >= $2::date
               GROUP BY 1, 2) x), '[]'),
    'keyWorkers', (SELECT json_build_object('withKeyWorker', count(*) FILTER (WHERE n >= 1),
                                            'one', count(*) FILTER (WHERE n = 1))
                     FROM (SELECT c.patient_id, count(DISTINCT NULLIF(c.plan->>'keyWorkerId', '')) AS n
                             FROM care_plans c JOIN ep ON ep.id = c.patient_id
                            WHERE c.recorded_at < ($3::date + 1) GROUP BY c.patient_id) k),
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
    'urinary', ${CHANGE('counts', 'urinary')}
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

/** The report's per-person measures for a scope, as totals (two statements, run at once). */
export async function loadMeasureTotals(
  db: Queryable,
  scope: EpisodeScope,
): Promise<{ assessments: AssessmentTotals; episodes: EpisodeTotals }> {
  const byPractitioner = scope.practitionerId !== undefined;
  const params: unknown[] = [[...scope.serviceIds], scope.from, scope.to];
  if (byPractitioner) params.push(scope.practitionerId);
  const [assessments, episodes] = await Promise.all([
    totalsOf<AssessmentTotals>(db, ASSESSMENTS_SQL(byPractitioner), params),
    totalsOf<EpisodeTotals>(db, EPISODES_SQL(byPractitioner), params),
  ]);
  return { assessments, episodes };
}

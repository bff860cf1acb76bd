// The dashboard's work as one hand-written SQL statement: the baseline loadOutcomeSeries is measured against, and a
// cross-check of its answers (written separately, so a shared mistake is less likely).
import type { Database } from '../src/store/db.ts';
import type { OutcomeScope, OutcomeSeries } from '../src/store/outcome-series.ts';

/** The three sources that differ: decided assessments, appointment states and first assessments in the period. */
const BASE_SOURCES = `
d AS MATERIALIZED (
  SELECT a.patient_id, p.service_id, a.assessed_at, dc.confirmed_level, dc.overridden, dc.decided_by,
         dc.confirmed_level >= 2 OR jsonb_array_length(a.assessment->'symptoms') > 0 AS harm
    FROM harm_assessments a JOIN harm_decisions dc ON dc.assessment_id = a.id JOIN p ON p.id = a.patient_id
   WHERE a.assessed_at >= $2 AND a.assessed_at < $3
), e AS MATERIALIZED (
  SELECT p.id AS patient_id, p.service_id, ev.starts_at, ev.status
    FROM appointment_events ev JOIN appointments ap ON ap.id = ev.appointment_id JOIN p ON p.id = ap.patient_id
   WHERE ev.starts_at >= $2 AND ev.starts_at < $3 AND ev.status <> 'cancelled'
     AND ev.id = (SELECT max(x.id) FROM appointment_events x WHERE x.appointment_id = ev.appointment_id)
), firsts AS (
  SELECT DISTINCT ON (a.patient_id) a.patient_id, a.assessed_at, dc.confirmed_level
    FROM harm_assessments a JOIN harm_decisions dc ON dc.assessment_id = a.id
   WHERE a.patient_id IN (SELECT patient_id FROM d) AND a.assessed_at < $3
   ORDER BY a.patient_id, a.assessed_at, a.recorded_at, a.id
)`;

/** The same sources read from migration 010's summary tables. */
const SUMMARY_SOURCES = `
d AS NOT MATERIALIZED (
  SELECT patient_id, service_id, assessed_at, confirmed_level, overridden, decided_by, harm FROM outcome_assessment_facts
   WHERE service_id = ANY($1::uuid[]) AND assessed_at >= $2 AND assessed_at < $3
), e AS NOT MATERIALIZED (
  SELECT patient_id, service_id, starts_at, status FROM outcome_appointment_states
   WHERE service_id = ANY($1::uuid[]) AND starts_at >= $2 AND starts_at < $3 AND status <> 'cancelled'
), firsts AS (
  SELECT patient_id, assessed_at, confirmed_level FROM outcome_first_assessments
   WHERE service_id = ANY($1::uuid[]) AND assessed_at >= $2 AND assessed_at < $3
)`;

const sql = (sources: string) => `
WITH p AS NOT MATERIALIZED (
  SELECT id, service_id, created_at FROM patients WHERE service_id = ANY($1::uuid[])
), ${sources}, plans AS (
  SELECT c.patient_id, min(c.recorded_at) AS first_plan FROM care_plans c JOIN p ON p.id = c.patient_id
   WHERE c.recorded_at >= $2 AND c.recorded_at < $3 GROUP BY c.patient_id
), months AS (
  SELECT m AS month FROM generate_series(date_trunc('month', $4::date::timestamp), $5::date::timestamp,
                                                               interval '1 month') m
), per_person AS (
  SELECT p.id, p.service_id, (p.created_at >= $2 AND p.created_at < $3) AS registered,
         da.n AS assessments, da.overrides, da.harm, ea.booked, ea.attended, ea.dna, ea.last_attended, pl.first_plan
    FROM p
    LEFT JOIN (SELECT patient_id, count(*) AS n, count(*) FILTER (WHERE overridden) AS overrides, bool_or(harm) AS harm
                 FROM d GROUP BY 1) da ON da.patient_id = p.id
    LEFT JOIN (SELECT patient_id, count(*) AS booked, count(*) FILTER (WHERE status = 'attended') AS attended,
                      count(*) FILTER (WHERE status = 'did-not-attend') AS dna,
                      max(starts_at) FILTER (WHERE status = 'attended') AS last_attended FROM e GROUP BY 1) ea ON ea.patient_id = p.id
    LEFT JOIN plans pl ON pl.patient_id = p.id
   WHERE (p.created_at >= $2 AND p.created_at < $3) OR da.patient_id IS NOT NULL OR ea.patient_id IS NOT NULL
      OR pl.patient_id IS NOT NULL
)
SELECT json_build_object(
  'months', (SELECT json_agg(json_build_object(
      'month', to_char(m.month, 'YYYY-MM'),
      'newPatients', COALESCE(np.n, 0),
      'firstAssessed', json_build_array(COALESCE(fm.l1, 0), COALESCE(fm.l2, 0), COALESCE(fm.l3, 0), COALESCE(fm.l4, 0)),
      'assessments', COALESCE(dm.n, 0), 'overrides', COALESCE(dm.overrides, 0), 'level4', COALESCE(dm.level4, 0),
      'booked', COALESCE(em.booked, 0), 'attended', COALESCE(em.attended, 0), 'didNotAttend', COALESCE(em.dna, 0),
      'crisisEvents', COALESCE(cm.n, 0)
    ) ORDER BY m.month)
    FROM months m
    LEFT JOIN (SELECT date_trunc('month', created_at AT TIME ZONE 'UTC') AS month, count(*) AS n FROM p
                WHERE created_at >= $2 AND created_at < $3 GROUP BY 1) np ON np.month = m.month
    LEFT JOIN (SELECT date_trunc('month', assessed_at AT TIME ZONE 'UTC') AS month,
                      count(*) FILTER (WHERE confirmed_level = 1) AS l1, count(*) FILTER (WHERE confirmed_level = 2) AS l2,
                      count(*) FILTER (WHERE confirmed_level = 3) AS l3, count(*) FILTER (WHERE confirmed_level = 4) AS l4
                 FROM firsts WHERE assessed_at >= $2 AND assessed_at < $3 GROUP BY 1) fm ON fm.month = m.month
    LEFT JOIN (SELECT date_trunc('month', c.occurred_on::timestamp) AS month, count(*) AS n FROM crisis_events c JOIN p ON p.id = c.patient_id
                WHERE c.occurred_on BETWEEN $4::date AND $5::date
                  AND NOT EXISTS (SELECT 1 FROM crisis_event_retractions r WHERE r.event_id = c.id) GROUP BY 1) cm
      ON cm.month = m.month
    LEFT JOIN (SELECT date_trunc('month', assessed_at AT TIME ZONE 'UTC') AS month, count(*) AS n,
                      count(*) FILTER (WHERE overridden) AS overrides, count(*) FILTER (WHERE confirmed_level = 4) AS level4
                 FROM d GROUP BY 1) dm ON dm.month = m.month
    LEFT JOIN (SELECT date_trunc('month', starts_at AT TIME ZONE 'UTC') AS month, count(*) AS booked,
                      count(*) FILTER (WHERE status = 'attended') AS attended,
                      count(*) FILTER (WHERE status = 'did-not-attend') AS dna FROM e GROUP BY 1) em ON em.month = m.month),
  'funnel', (SELECT json_build_object(
      'inContact', count(*) FILTER (WHERE registered OR assessments IS NOT NULL OR booked IS NOT NULL),
      'assessed', count(assessments), 'harmIdentified', count(*) FILTER (WHERE harm), 'carePlanned', count(first_plan),
      'interventionDelivered', count(*) FILTER (WHERE (last_attended AT TIME ZONE 'UTC')::date >= (first_plan AT TIME ZONE 'UTC')::date))
    FROM per_person),
  'practitioners', COALESCE((SELECT json_agg(json_build_object('practitionerId', x.decided_by, 'displayName', x.display_name,
                                                                'assessments', x.n, 'overrides', x.o)
                                             ORDER BY lower(x.display_name), x.decided_by)
                               FROM (SELECT d.decided_by, u.display_name, count(*) AS n, count(*) FILTER (WHERE d.overridden) AS o
                                       FROM d JOIN users u ON u.id = d.decided_by GROUP BY 1, 2) x), '[]'),
  'teams', (SELECT json_agg(json_build_object('serviceId', s.id, 'name', s.name,
                                              'patients', COALESCE(t.patients, 0), 'assessments', COALESCE(t.assessments, 0),
                                              'overrides', COALESCE(t.overrides, 0), 'attended', COALESCE(t.attended, 0),
                                              'didNotAttend', COALESCE(t.dna, 0)) ORDER BY lower(s.name), s.id)
              FROM services s
              LEFT JOIN (SELECT service_id, count(*) FILTER (WHERE registered OR assessments IS NOT NULL OR booked IS NOT NULL) AS patients,
                                sum(assessments) AS assessments, sum(overrides) AS overrides, sum(attended) AS attended, sum(dna) AS dna
                           FROM per_person GROUP BY 1) t ON t.service_id = s.id
             WHERE s.id = ANY($1::uuid[]))
) AS series`;

const BASE_SQL = sql(BASE_SOURCES);
const SUMMARY_SQL = sql(SUMMARY_SOURCES);

/**
 * The same figures as loadOutcomeSeries (organisation or service; no practitioner filter), in one statement over
 * the summary tables, or (`baseTables`) over the clinical records alone, as before migration 010.
 */
export async function handWrittenSeries(
  db: Database,
  scope: OutcomeScope,
  baseTables = false,
): Promise<OutcomeSeries> {
  const end = new Date(Date.parse(`${scope.to}T00:00:00Z`) + 86_400_000).toISOString();
  // The same settings as loadOutcomeSeries: no JIT compilation, 64 MB to sort and hash in.
  const [row] = await db.transaction(async (tx) => {
    await tx.query("SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)");
    return tx.query<{ series: OutcomeSeries }>(baseTables ? BASE_SQL : SUMMARY_SQL, [
      [...scope.serviceIds],
      `${scope.from}T00:00:00Z`,
      end,
      scope.from,
      scope.to,
    ]);
  });
  if (!row) throw new Error('no row');
  return row.series;
}

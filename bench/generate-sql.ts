// The generator's SQL: deterministic hashing helpers, the per-patient plan, and one INSERT … SELECT per table.
// Every value comes from md5 of (seed, kind, index), so the same seed and size always give the same rows.

export const SERVICES = 40;
export const PRACTITIONERS_PER_SERVICE = 10;
export const ASSESSMENTS_PER_PATIENT = 10;
/** Three years of activity: 2023-01-01 up to (not including) 2026-01-01. */
export const START = '2023-01-01T00:00:00Z';
export const DAYS = 1095;
export const END = '2026-01-01T00:00:00Z';

export const HELPERS = [
  'CREATE SCHEMA IF NOT EXISTS bench',
  // A uniform number in [0, 1) from a key (PostgreSQL's 64-bit text hash, stable across releases as hash
  // partitioning relies on it).
  `CREATE OR REPLACE FUNCTION bench.u(k text) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT (hashtextextended(k, 0) & 4503599627370495)::float8 / 4503599627370496.0 $$`,
  // A version-4-shaped uuid from a key (the API's uuid validation checks the version and variant digits).
  `CREATE OR REPLACE FUNCTION bench.uid(k text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT (substr(md5(k), 1, 12) || '4' || substr(md5(k), 14, 3) || '8' || substr(md5(k), 18))::uuid $$`,
  `CREATE TABLE bench.assessment_templates (level integer NOT NULL, idx integer NOT NULL, assessment jsonb NOT NULL,
     evaluation jsonb NOT NULL, content_version text NOT NULL, review_days integer NOT NULL, interventions jsonb NOT NULL,
     PRIMARY KEY (level, idx))`,
  `CREATE TABLE bench.response_templates (instrument_id text NOT NULL, idx integer NOT NULL, instrument_version text NOT NULL,
     answers jsonb NOT NULL, result jsonb NOT NULL, total integer, completeness text NOT NULL, PRIMARY KEY (instrument_id, idx))`,
];

const key = (seed: number, kind: string, index: string) => `bench.u('${seed}:${kind}:' || ${index})`;
const id = (seed: number, kind: string, index: string) => `bench.uid('${seed}:${kind}:' || ${index})`;

/** One row per patient: identity, service, key practitioner, registration, assessment rhythm and severity. */
export function planPatientsSql(seed: number, patients: number): string {
  const K = ASSESSMENTS_PER_PATIENT;
  return `CREATE TABLE bench.plan_patients AS
    SELECT i, ${id(seed, 'p', 'i')} AS id, i % ${SERVICES} AS service, ${id(seed, 's', `(i % ${SERVICES})`)} AS service_id,
           ${id(seed, 'u', `((i % ${SERVICES}) * ${PRACTITIONERS_PER_SERVICE} + floor(${key(seed, 'kw', 'i')} * ${PRACTITIONERS_PER_SERVICE})::int)`)} AS practitioner,
           r.reg_day, timestamptz '${START}' + r.reg_day * interval '1 day'
             + (28800 + floor(${key(seed, 'rt', 'i')} * 28800)::int) * interval '1 second' AS reg_at,
           r.first_day,
           greatest(1, least(14 + floor(${key(seed, 'gap', 'i')} * 60)::int, (${DAYS - 1} - r.first_day) / ${K})) AS gap,
           CASE WHEN r.sv < 0.35 THEN 1 WHEN r.sv < 0.7 THEN 2 WHEN r.sv < 0.9 THEN 3 ELSE 4 END AS severity
      FROM generate_series(0, ${patients - 1}) i
      CROSS JOIN LATERAL (SELECT floor(${key(seed, 'reg', 'i')} * ${DAYS - 30})::int AS reg_day) r0
      CROSS JOIN LATERAL (SELECT r0.reg_day, r0.reg_day + 1 + floor(${key(seed, 'fd', 'i')} * 13)::int AS first_day,
                                 ${key(seed, 'sev', 'i')} AS sv) r`;
}

/** Every assessment of every patient, derived from the plan (a view; each batch materialises its slice). */
export function planAssessmentsSql(seed: number, templatesPerLevel: number): string {
  const K = ASSESSMENTS_PER_PATIENT;
  const n = `(pp.i * ${K} + k)`;
  return `CREATE VIEW bench.plan_assessments AS
    SELECT pp.i, k, ${n} AS n, ${id(seed, 'a', n)} AS id, ${id(seed, 'd', n)} AS decision_id, pp.id AS patient_id,
           pp.service_id, pp.practitioner, x.at, x.level, x.ti,
           CASE WHEN ${key(seed, 'o', n)} >= 0.1 THEN x.level WHEN x.level = 1 THEN 2 WHEN x.level = 4 THEN 3
                WHEN ${key(seed, 'od', n)} < 0.5 THEN x.level + 1 ELSE x.level - 1 END AS confirmed
      FROM bench.plan_patients pp CROSS JOIN generate_series(0, ${K - 1}) k
      CROSS JOIN LATERAL (
        SELECT timestamptz '${START}' + least(${DAYS - 1}, pp.first_day + k * pp.gap) * interval '1 day'
                 + (28800 + floor(${key(seed, 'at', n)} * 32400)::int) * interval '1 second' AS at,
               greatest(1, least(4, pp.severity + CASE WHEN ${key(seed, 'drift', n)} < 0.2 THEN -1
                                                       WHEN ${key(seed, 'drift', n)} > 0.85 THEN 1 ELSE 0 END)) AS level,
               floor(${key(seed, 't', n)} * ${templatesPerLevel})::int AS ti) x`;
}

/** The statements that fill one batch of patients [lo, hi), in order, inside one transaction. */
export function batchSql(seed: number, lo: number, hi: number): { label: string; sql: string }[] {
  const range = (column: string) => `${column} >= ${Math.trunc(lo)} AND ${column} < ${Math.trunc(hi)}`;
  return [
    {
      label: 'plan',
      sql: `CREATE TEMP TABLE ba ON COMMIT DROP AS SELECT * FROM bench.plan_assessments WHERE ${range('i')}`,
    },
    {
      label: 'patients',
      sql: `INSERT INTO patients (id, service_id, current_version, created_at)
            SELECT id, service_id, 1, reg_at FROM bench.plan_patients WHERE ${range('i')} ORDER BY i`,
    },
    {
      label: 'assessments',
      sql: `INSERT INTO harm_assessments (id, patient_id, assessment, evaluation, proposed_level, content_version,
              assessed_at, recorded_at, recorded_by)
            SELECT ba.id, ba.patient_id, t.assessment, t.evaluation, t.level, t.content_version, ba.at,
                   ba.at + interval '3 minutes', ba.practitioner
              FROM ba JOIN bench.assessment_templates t ON t.level = ba.level AND t.idx = ba.ti ORDER BY ba.n`,
    },
    {
      label: 'decisions',
      sql: `INSERT INTO harm_decisions (id, assessment_id, patient_id, proposed_level, confirmed_level, overridden, reason,
              review_due, decided_at, decided_by)
            SELECT ba.decision_id, ba.id, ba.patient_id, ba.level, ba.confirmed, ba.confirmed <> ba.level,
                   CASE WHEN ba.confirmed <> ba.level THEN 'Clinical judgement: context the rules do not see (synthetic)' END,
                   (ba.at AT TIME ZONE 'UTC')::date + t.review_days, ba.at + interval '10 minutes', ba.practitioner
              FROM ba JOIN bench.assessment_templates t ON t.level = ba.level AND t.idx = ba.ti ORDER BY ba.n`,
    },
    {
      label: 'responses',
      sql: `INSERT INTO questionnaire_responses (id, patient_id, instrument_id, instrument_version, answers, result, total,
              completeness, completed_at, source, recorded_at, recorded_by)
            SELECT ${id(seed, 'q', 'ba.n')}, ba.patient_id, r.instrument_id, r.instrument_version, r.answers, r.result,
                   r.total, r.completeness, ba.at - interval '5 minutes', 'clinician', ba.at - interval '4 minutes', ba.practitioner
              FROM ba JOIN bench.response_templates r
                ON r.instrument_id = CASE WHEN ba.k % 2 = 0 THEN 'phq-9' ELSE 'sds' END
               AND r.idx = floor(${key(seed, 'qt', 'ba.n')} * 32)::int
             ORDER BY ba.n`,
    },
    {
      label: 'care plans',
      sql: `INSERT INTO care_plans (id, patient_id, version, plan, review_due, decision_id, reason, recorded_at, recorded_by)
            SELECT ${id(seed, 'cp', 'ba.n')}, ba.patient_id, ba.k / 4 + 1,
                   jsonb_build_object('interventions', t.interventions, 'goals', jsonb_build_array('Cut down use (synthetic goal)'),
                                      'keyWorkerId', ba.practitioner),
                   (ba.at AT TIME ZONE 'UTC')::date + t.review_days, ba.decision_id,
                   CASE WHEN ba.k > 0 THEN 'Reviewed at re-assessment (synthetic)' END, ba.at + interval '20 minutes', ba.practitioner
              FROM ba JOIN bench.assessment_templates t ON t.level = ba.confirmed AND t.idx = ba.ti
             WHERE ba.k % 4 = 0 ORDER BY ba.n`,
    },
    {
      label: 'appointments',
      sql: `CREATE TEMP TABLE bap ON COMMIT DROP AS
            SELECT ba.n, ${id(seed, 'ap', 'ba.n')} AS id, ba.patient_id, ba.service_id, ba.practitioner,
                   ba.at + interval '15 minutes' AS booked_at,
                   date_trunc('hour', ba.at) + (7 + floor(${key(seed, 'ad', 'ba.n')} * 14)::int) * interval '1 day' AS starts_at,
                   (ARRAY['in-person', 'phone', 'video'])[1 + floor(${key(seed, 'ct', 'ba.n')} * 3)::int] AS contact_type,
                   (ARRAY[30, 45, 60])[1 + floor(${key(seed, 'du', 'ba.n')} * 3)::int] AS duration,
                   ${key(seed, 'ao', 'ba.n')} AS outcome
              FROM ba WHERE ba.k < 8`,
    },
    {
      label: 'appointments',
      sql: `INSERT INTO appointments (id, patient_id, service_id, practitioner_id, contact_type, duration_minutes, note,
              booked_at, booked_by)
            SELECT id, patient_id, service_id, practitioner, contact_type, duration, NULL, booked_at, practitioner
              FROM bap ORDER BY n`,
    },
    {
      label: 'sessions',
      // Booked; 6% moved a week later; then attended, missed or cancelled once the time has passed.
      sql: `INSERT INTO appointment_events (appointment_id, status, starts_at, reason, recorded_at, recorded_by)
            SELECT id, status, starts_at, reason, recorded_at, practitioner FROM (
              SELECT n, 0 AS seq, id, 'booked' AS status, starts_at, NULL AS reason, booked_at AS recorded_at, practitioner FROM bap
              UNION ALL
              SELECT n, 1, id, 'rescheduled', starts_at + interval '7 days', 'Asked to move it (synthetic)',
                     starts_at - interval '2 days', practitioner FROM bap WHERE outcome < 0.06
              UNION ALL
              SELECT n, 2, id,
                     CASE WHEN outcome >= 0.06 AND outcome < 0.14 THEN 'cancelled' WHEN outcome < 0.28 AND outcome >= 0.14
                          THEN 'did-not-attend' ELSE 'attended' END,
                     s.at, CASE WHEN outcome >= 0.06 AND outcome < 0.14 THEN 'Cancelled by the service (synthetic)' END,
                     s.at + duration * interval '1 minute', practitioner
                FROM bap CROSS JOIN LATERAL (SELECT CASE WHEN outcome < 0.06 THEN starts_at + interval '7 days'
                                                       ELSE starts_at END AS at) s
               WHERE s.at < timestamptz '${END}'
            ) e ORDER BY n, seq`,
    },
    {
      label: 'referrals',
      sql: `CREATE TEMP TABLE br ON COMMIT DROP AS
            SELECT ba.n, ${id(seed, 'r', 'ba.n')} AS id, ba.patient_id, ba.service_id, ba.decision_id, ba.confirmed,
                   (ba.at AT TIME ZONE 'UTC')::date AS decided_on, ba.at, ba.practitioner,
                   CASE WHEN ba.confirmed = 4 THEN 'urology' ELSE (ARRAY['mental-health', 'specialist-treatment', 'hepatology'])
                        [1 + floor(${key(seed, 'rd', 'ba.n')} * 3)::int] END AS destination,
                   CASE WHEN ba.confirmed = 4 THEN 14 ELSE 28 END AS target_days, ${key(seed, 'rm', 'ba.n')} AS m
              FROM ba WHERE ba.confirmed >= 3 AND ${key(seed, 'ref', 'ba.n')} < 0.12`,
    },
    {
      label: 'referrals',
      sql: `INSERT INTO onward_referrals (id, patient_id, service_id, decision_id, destination, confirmed_level, decided_on,
              target_days, reason, recorded_at, recorded_by)
            SELECT id, patient_id, service_id, decision_id, destination, confirmed, decided_on, target_days, NULL,
                   at + interval '30 minutes', practitioner FROM br ORDER BY n`,
    },
    {
      label: 'referrals',
      // 85% made (some late), 5% cancelled, the rest still open.
      sql: `INSERT INTO onward_referral_events (referral_id, kind, on_date, note, recorded_at, recorded_by)
            SELECT id, CASE WHEN m < 0.85 THEN 'made' ELSE 'cancelled' END, e.on_date, NULL, e.on_date + interval '17 hours',
                   practitioner
              FROM br CROSS JOIN LATERAL (SELECT decided_on + floor(m * target_days * 1.4)::int AS on_date) e
             WHERE m < 0.9 AND e.on_date < date '${END.slice(0, 10)}' ORDER BY n`,
    },
    {
      label: 'crisis events',
      sql: `CREATE TEMP TABLE bc ON COMMIT DROP AS
            SELECT pp.i, j, ${id(seed, 'c', `pp.i || ':' || j`)} AS id, pp.id AS patient_id, pp.service_id, pp.practitioner,
                   date '${START.slice(0, 10)}' + least(${DAYS - 1}, pp.first_day
                     + floor(${key(seed, 'cd', `pp.i || ':' || j`)} * (${DAYS - 1} - pp.first_day))::int) AS occurred_on,
                   (ARRAY['emergency-attendance', 'crisis-team-contact', 'admission', 'ambulance'])
                     [1 + floor(${key(seed, 'ck', `pp.i || ':' || j`)} * 4)::int] AS kind,
                   ${key(seed, 'cr', `pp.i || ':' || j`)} AS r
              FROM bench.plan_patients pp CROSS JOIN generate_series(0, 2) j
             WHERE ${range('pp.i')} AND pp.severity >= 3
               AND j < CASE WHEN pp.severity = 4 THEN 3 ELSE 1 END AND ${key(seed, 'ce', `pp.i || ':' || j`)} < 0.5`,
    },
    {
      label: 'crisis events',
      sql: `INSERT INTO crisis_events (id, patient_id, service_id, occurred_on, kind, note, recorded_at, recorded_by)
            SELECT id, patient_id, service_id, occurred_on, kind, NULL, occurred_on + interval '1 day 9 hours', practitioner
              FROM bc ORDER BY i, j`,
    },
    {
      label: 'crisis events',
      sql: `INSERT INTO crisis_event_retractions (event_id, reason, recorded_at, recorded_by)
            SELECT id, 'Recorded against the wrong person (synthetic)', occurred_on + interval '3 days', practitioner
              FROM bc WHERE r < 0.05 ORDER BY i, j`,
    },
  ];
}

-- Rollups for the outcomes dashboard and the service outcomes report at national scale (docs/decisions/012).
-- Like migration 010's summary tables they hold nothing that is not in the clinical records, are kept by triggers
-- in the same transaction as the write, and are derived (updated in place); the records stay append-only.
--
-- * outcome_assessment_measures: one narrow row per decided assessment with every field the report's per-person
--   measures read (so the report never opens the assessment documents).
-- * outcome_person_months: per person and UTC calendar month, what the dashboard's funnel and team figures count
--   about them (recomputed from migration 010's tables for that person and month whenever one of them changes).
-- * outcome_service_months: per service and month, the dashboard's monthly series (adjusted by the difference
--   each person-month, first assessment or crisis event makes).
-- * outcome_practitioner_months: per service, deciding practitioner and month, decided assessments and overrides.
-- Months are UTC calendar months, stored as their first day.

CREATE TABLE outcome_assessment_measures (
  decision_id uuid PRIMARY KEY,
  assessment_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  service_id uuid NOT NULL,
  assessed_at timestamptz NOT NULL,
  decided_at timestamptz NOT NULL,
  review_due date NOT NULL,
  proposed_level integer NOT NULL,
  confirmed_level integer NOT NULL,
  overridden boolean NOT NULL,
  decided_by uuid NOT NULL,
  -- The sentinel symptom codes recorded, in the order recorded.
  symptoms text[] NOT NULL,
  days_used integer,
  sds integer,
  phq9 integer
);
CREATE INDEX outcome_assessment_measures_service ON outcome_assessment_measures (service_id, assessed_at);
CREATE INDEX outcome_assessment_measures_patient ON outcome_assessment_measures (patient_id, assessed_at);

-- A person's month is recomputed from these; the indexes make that a few index look-ups.
CREATE INDEX outcome_assessment_facts_patient ON outcome_assessment_facts (patient_id, assessed_at);
CREATE INDEX outcome_appointment_states_patient ON outcome_appointment_states (patient_id, starts_at);

CREATE TABLE outcome_person_months (
  patient_id uuid NOT NULL,
  month date NOT NULL,
  service_id uuid NOT NULL,
  -- Registered (the patient record created) in this month.
  registered boolean NOT NULL,
  assessments integer NOT NULL,
  overrides integer NOT NULL,
  level4 integer NOT NULL,
  harm boolean NOT NULL,
  -- Appointments whose latest state falls in the month and is not a cancellation.
  booked integer NOT NULL,
  attended integer NOT NULL,
  dna integer NOT NULL,
  last_attended timestamptz,
  -- The earliest care plan written in the month.
  first_plan timestamptz,
  PRIMARY KEY (patient_id, month)
);
CREATE INDEX outcome_person_months_service ON outcome_person_months (service_id, month)
  INCLUDE (patient_id, registered, assessments, overrides, harm, booked, attended, dna, last_attended, first_plan);

CREATE TABLE outcome_service_months (
  service_id uuid NOT NULL,
  month date NOT NULL,
  new_patients integer NOT NULL DEFAULT 0,
  first_l1 integer NOT NULL DEFAULT 0,
  first_l2 integer NOT NULL DEFAULT 0,
  first_l3 integer NOT NULL DEFAULT 0,
  first_l4 integer NOT NULL DEFAULT 0,
  assessments integer NOT NULL DEFAULT 0,
  overrides integer NOT NULL DEFAULT 0,
  level4 integer NOT NULL DEFAULT 0,
  booked integer NOT NULL DEFAULT 0,
  attended integer NOT NULL DEFAULT 0,
  dna integer NOT NULL DEFAULT 0,
  crisis_events integer NOT NULL DEFAULT 0,
  PRIMARY KEY (service_id, month)
);

CREATE TABLE outcome_practitioner_months (
  service_id uuid NOT NULL,
  decided_by uuid NOT NULL,
  month date NOT NULL,
  assessments integer NOT NULL DEFAULT 0,
  overrides integer NOT NULL DEFAULT 0,
  PRIMARY KEY (service_id, month, decided_by)
);

-- Adds the given differences to a service's month.
CREATE FUNCTION kaspr_outcome_service_month_add(p_service uuid, p_month date, d_new integer, d_l1 integer,
  d_l2 integer, d_l3 integer, d_l4 integer, d_assessments integer, d_overrides integer, d_level4 integer,
  d_booked integer, d_attended integer, d_dna integer, d_crises integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO outcome_service_months AS s (service_id, month, new_patients, first_l1, first_l2, first_l3, first_l4,
    assessments, overrides, level4, booked, attended, dna, crisis_events)
  VALUES (p_service, p_month, d_new, d_l1, d_l2, d_l3, d_l4, d_assessments, d_overrides, d_level4, d_booked,
    d_attended, d_dna, d_crises)
  ON CONFLICT (service_id, month) DO UPDATE
    SET new_patients = s.new_patients + d_new, first_l1 = s.first_l1 + d_l1, first_l2 = s.first_l2 + d_l2,
        first_l3 = s.first_l3 + d_l3, first_l4 = s.first_l4 + d_l4, assessments = s.assessments + d_assessments,
        overrides = s.overrides + d_overrides, level4 = s.level4 + d_level4, booked = s.booked + d_booked,
        attended = s.attended + d_attended, dna = s.dna + d_dna, crisis_events = s.crisis_events + d_crises;
END;
$$;

-- Recomputes one person's month from migration 010's tables, the care plans and the patient record, and moves
-- the service's month by the difference.
CREATE FUNCTION kaspr_outcome_person_month(p_patient uuid, p_month date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_start timestamptz := p_month::timestamp AT TIME ZONE 'UTC';
  v_end timestamptz := (p_month + interval '1 month')::timestamp AT TIME ZONE 'UTC';
  v_service uuid;
  v_created timestamptz;
  o_registered integer := 0;
  o_assessments integer := 0;
  o_overrides integer := 0;
  o_level4 integer := 0;
  o_booked integer := 0;
  o_attended integer := 0;
  o_dna integer := 0;
  n_registered boolean;
  n_assessments integer;
  n_overrides integer;
  n_level4 integer;
  n_harm boolean;
  n_booked integer;
  n_attended integer;
  n_dna integer;
  n_last_attended timestamptz;
  n_first_plan timestamptz;
BEGIN
  -- One writer per person at a time (until commit): a second transaction writing for the same person then reads
  -- the first one's rows (each statement here takes a new snapshot), so the month and the service's difference
  -- are exact under concurrent writes.
  PERFORM pg_advisory_xact_lock(727027, hashtext(p_patient::text));
  SELECT p.service_id, p.created_at INTO v_service, v_created FROM patients p WHERE p.id = p_patient;
  IF v_service IS NULL THEN
    RETURN;
  END IF;
  SELECT m.registered::int, m.assessments, m.overrides, m.level4, m.booked, m.attended, m.dna
    INTO o_registered, o_assessments, o_overrides, o_level4, o_booked, o_attended, o_dna
    FROM outcome_person_months m WHERE m.patient_id = p_patient AND m.month = p_month;
  IF NOT FOUND THEN
    o_registered := 0; o_assessments := 0; o_overrides := 0; o_level4 := 0; o_booked := 0; o_attended := 0;
    o_dna := 0;
  END IF;
  n_registered := v_created >= v_start AND v_created < v_end;
  SELECT count(*)::int, count(*) FILTER (WHERE f.overridden)::int, count(*) FILTER (WHERE f.confirmed_level = 4)::int,
         COALESCE(bool_or(f.harm), false)
    INTO n_assessments, n_overrides, n_level4, n_harm
    FROM outcome_assessment_facts f
   WHERE f.patient_id = p_patient AND f.assessed_at >= v_start AND f.assessed_at < v_end;
  SELECT count(*)::int, count(*) FILTER (WHERE st.status = 'attended')::int,
         count(*) FILTER (WHERE st.status = 'did-not-attend')::int,
         max(st.starts_at) FILTER (WHERE st.status = 'attended')
    INTO n_booked, n_attended, n_dna, n_last_attended
    FROM outcome_appointment_states st
   WHERE st.patient_id = p_patient AND st.starts_at >= v_start AND st.starts_at < v_end AND st.status <> 'cancelled';
  SELECT min(c.recorded_at) INTO n_first_plan FROM care_plans c
   WHERE c.patient_id = p_patient AND c.recorded_at >= v_start AND c.recorded_at < v_end;
  DELETE FROM outcome_person_months WHERE patient_id = p_patient AND month = p_month;
  IF n_registered OR n_assessments > 0 OR n_booked > 0 OR n_first_plan IS NOT NULL THEN
    INSERT INTO outcome_person_months (patient_id, month, service_id, registered, assessments, overrides, level4, harm,
      booked, attended, dna, last_attended, first_plan)
    VALUES (p_patient, p_month, v_service, n_registered, n_assessments, n_overrides, n_level4, n_harm, n_booked,
      n_attended, n_dna, n_last_attended, n_first_plan);
  END IF;
  IF n_registered::int <> o_registered OR n_assessments <> o_assessments OR n_overrides <> o_overrides
     OR n_level4 <> o_level4 OR n_booked <> o_booked OR n_attended <> o_attended OR n_dna <> o_dna THEN
    PERFORM kaspr_outcome_service_month_add(v_service, p_month, n_registered::int - o_registered, 0, 0, 0, 0,
      n_assessments - o_assessments, n_overrides - o_overrides, n_level4 - o_level4, n_booked - o_booked,
      n_attended - o_attended, n_dna - o_dna, 0);
  END IF;
END;
$$;

CREATE FUNCTION kaspr_outcome_month_of(p_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT date_trunc('month', p_at AT TIME ZONE 'UTC')::date
$$;

CREATE FUNCTION kaspr_outcome_measures_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO outcome_assessment_measures (decision_id, assessment_id, patient_id, service_id, assessed_at, decided_at,
    review_due, proposed_level, confirmed_level, overridden, decided_by, symptoms, days_used, sds, phq9)
  SELECT NEW.id, a.id, a.patient_id, p.service_id, a.assessed_at, NEW.decided_at, NEW.review_due, a.proposed_level,
         NEW.confirmed_level, NEW.overridden, NEW.decided_by,
         CASE WHEN jsonb_typeof(a.assessment->'symptoms') = 'array'
              THEN ARRAY(SELECT s.value->>'code' FROM jsonb_array_elements(a.assessment->'symptoms') WITH ORDINALITY s
                          ORDER BY s.ordinality)
              ELSE ARRAY[]::text[] END,
         (a.assessment->'use'->>'daysUsedLast28')::int, (a.assessment->'measures'->>'sdsTotal')::int,
         (a.assessment->'measures'->>'phq9Total')::int
    FROM harm_assessments a JOIN patients p ON p.id = a.patient_id
   WHERE a.id = NEW.assessment_id;
  RETURN NULL;
END;
$$;

CREATE FUNCTION kaspr_outcome_fact_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO outcome_practitioner_months AS r (service_id, decided_by, month, assessments, overrides)
  VALUES (NEW.service_id, NEW.decided_by, kaspr_outcome_month_of(NEW.assessed_at), 1, NEW.overridden::int)
  ON CONFLICT (service_id, month, decided_by) DO UPDATE
    SET assessments = r.assessments + 1, overrides = r.overrides + NEW.overridden::int;
  PERFORM kaspr_outcome_person_month(NEW.patient_id, kaspr_outcome_month_of(NEW.assessed_at));
  RETURN NULL;
END;
$$;

CREATE FUNCTION kaspr_outcome_appointment_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kaspr_outcome_person_month(NEW.patient_id, kaspr_outcome_month_of(NEW.starts_at));
  IF TG_OP = 'UPDATE' AND kaspr_outcome_month_of(OLD.starts_at) <> kaspr_outcome_month_of(NEW.starts_at) THEN
    PERFORM kaspr_outcome_person_month(OLD.patient_id, kaspr_outcome_month_of(OLD.starts_at));
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION kaspr_outcome_care_plan_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kaspr_outcome_person_month(NEW.patient_id, kaspr_outcome_month_of(NEW.recorded_at));
  RETURN NULL;
END;
$$;

CREATE FUNCTION kaspr_outcome_patient_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kaspr_outcome_person_month(NEW.id, kaspr_outcome_month_of(NEW.created_at));
  RETURN NULL;
END;
$$;

CREATE FUNCTION kaspr_outcome_first_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM kaspr_outcome_service_month_add(OLD.service_id, kaspr_outcome_month_of(OLD.assessed_at), 0,
      -(OLD.confirmed_level = 1)::int, -(OLD.confirmed_level = 2)::int, -(OLD.confirmed_level = 3)::int,
      -(OLD.confirmed_level = 4)::int, 0, 0, 0, 0, 0, 0, 0);
  END IF;
  PERFORM kaspr_outcome_service_month_add(NEW.service_id, kaspr_outcome_month_of(NEW.assessed_at), 0,
    (NEW.confirmed_level = 1)::int, (NEW.confirmed_level = 2)::int, (NEW.confirmed_level = 3)::int,
    (NEW.confirmed_level = 4)::int, 0, 0, 0, 0, 0, 0, 0);
  RETURN NULL;
END;
$$;

-- A crisis event counts in its patient's service (as the dashboard counts it) until it is retracted.
CREATE FUNCTION kaspr_outcome_crisis_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_patient uuid;
  v_on date;
  v_service uuid;
BEGIN
  IF TG_TABLE_NAME = 'crisis_events' THEN
    v_patient := NEW.patient_id;
    v_on := NEW.occurred_on;
  ELSE
    SELECT c.patient_id, c.occurred_on INTO v_patient, v_on FROM crisis_events c WHERE c.id = NEW.event_id;
  END IF;
  SELECT p.service_id INTO v_service FROM patients p WHERE p.id = v_patient;
  IF v_service IS NOT NULL THEN
    PERFORM kaspr_outcome_service_month_add(v_service, date_trunc('month', v_on::timestamp)::date, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, CASE WHEN TG_TABLE_NAME = 'crisis_events' THEN 1 ELSE -1 END);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER harm_decisions_outcome_measures AFTER INSERT ON harm_decisions
  FOR EACH ROW EXECUTE FUNCTION kaspr_outcome_measures_row();
CREATE TRIGGER outcome_assessment_facts_rollups AFTER INSERT ON outcome_assessment_facts
  FOR EACH ROW EXECUTE FUNCTION kaspr_outcome_fact_rollups();
CREATE TRIGGER outcome_appointment_states_rollups AFTER INSERT OR UPDATE ON outcome_appointment_states
  FOR EACH ROW EXECUTE FUNCTION kaspr_outcome_appointment_rollups();
CREATE TRIGGER care_plans_outcome_rollups AFTER INSERT ON care_plans
  FOR EACH ROW EXECUTE FUNCTION kaspr_outcome_care_plan_rollups();
CREATE TRIGGER patients_outcome_rollups AFTER INSERT ON patients
  FOR EACH ROW EXECUTE FUNCTION kaspr_outcome_patient_rollups();
CREATE TRIGGER outcome_first_assessments_rollups AFTER INSERT OR UPDATE ON outcome_first_assessments
  FOR EACH ROW EXECUTE FUNCTION kaspr_outcome_first_rollups();
CREATE TRIGGER crisis_events_outcome_rollups AFTER INSERT ON crisis_events
  FOR EACH ROW EXECUTE FUNCTION kaspr_outcome_crisis_rollups();
CREATE TRIGGER crisis_event_retractions_outcome_rollups AFTER INSERT ON crisis_event_retractions
  FOR EACH ROW EXECUTE FUNCTION kaspr_outcome_crisis_rollups();

-- The records already held, each table in one statement.
INSERT INTO outcome_assessment_measures (decision_id, assessment_id, patient_id, service_id, assessed_at, decided_at,
  review_due, proposed_level, confirmed_level, overridden, decided_by, symptoms, days_used, sds, phq9)
SELECT d.id, a.id, a.patient_id, p.service_id, a.assessed_at, d.decided_at, d.review_due, a.proposed_level,
       d.confirmed_level, d.overridden, d.decided_by,
       CASE WHEN jsonb_typeof(a.assessment->'symptoms') = 'array'
            THEN ARRAY(SELECT s.value->>'code' FROM jsonb_array_elements(a.assessment->'symptoms') WITH ORDINALITY s
                        ORDER BY s.ordinality)
            ELSE ARRAY[]::text[] END,
       (a.assessment->'use'->>'daysUsedLast28')::int, (a.assessment->'measures'->>'sdsTotal')::int,
       (a.assessment->'measures'->>'phq9Total')::int
  FROM harm_decisions d JOIN harm_assessments a ON a.id = d.assessment_id JOIN patients p ON p.id = a.patient_id;

INSERT INTO outcome_person_months (patient_id, month, service_id, registered, assessments, overrides, level4, harm,
  booked, attended, dna, last_attended, first_plan)
SELECT e.patient_id, e.month, p.service_id,
       bool_or(e.registered), sum(e.assessments)::int, sum(e.overrides)::int, sum(e.level4)::int, bool_or(e.harm),
       sum(e.booked)::int, sum(e.attended)::int, sum(e.dna)::int, max(e.last_attended), min(e.first_plan)
  FROM (
    SELECT f.patient_id, kaspr_outcome_month_of(f.assessed_at) AS month, false AS registered, 1 AS assessments,
           f.overridden::int AS overrides, (f.confirmed_level = 4)::int AS level4, f.harm, 0 AS booked, 0 AS attended,
           0 AS dna, NULL::timestamptz AS last_attended, NULL::timestamptz AS first_plan
      FROM outcome_assessment_facts f
    UNION ALL
    SELECT st.patient_id, kaspr_outcome_month_of(st.starts_at), false, 0, 0, 0, false, 1,
           (st.status = 'attended')::int, (st.status = 'did-not-attend')::int,
           CASE WHEN st.status = 'attended' THEN st.starts_at END, NULL
      FROM outcome_appointment_states st WHERE st.status <> 'cancelled'
    UNION ALL
    SELECT c.patient_id, kaspr_outcome_month_of(c.recorded_at), false, 0, 0, 0, false, 0, 0, 0, NULL, c.recorded_at
      FROM care_plans c
    UNION ALL
    SELECT p.id, kaspr_outcome_month_of(p.created_at), true, 0, 0, 0, false, 0, 0, 0, NULL, NULL FROM patients p
  ) e JOIN patients p ON p.id = e.patient_id
 GROUP BY e.patient_id, e.month, p.service_id;

INSERT INTO outcome_service_months (service_id, month, new_patients, first_l1, first_l2, first_l3, first_l4, assessments,
  overrides, level4, booked, attended, dna, crisis_events)
SELECT service_id, month, sum(new_patients)::int, sum(l1)::int, sum(l2)::int, sum(l3)::int, sum(l4)::int,
       sum(assessments)::int, sum(overrides)::int, sum(level4)::int, sum(booked)::int, sum(attended)::int,
       sum(dna)::int, sum(crises)::int
  FROM (
    SELECT m.service_id, m.month, m.registered::int AS new_patients, 0 AS l1, 0 AS l2, 0 AS l3, 0 AS l4,
           m.assessments, m.overrides, m.level4, m.booked, m.attended, m.dna, 0 AS crises
      FROM outcome_person_months m
    UNION ALL
    SELECT f.service_id, kaspr_outcome_month_of(f.assessed_at), 0, (f.confirmed_level = 1)::int,
           (f.confirmed_level = 2)::int, (f.confirmed_level = 3)::int, (f.confirmed_level = 4)::int, 0, 0, 0, 0, 0, 0, 0
      FROM outcome_first_assessments f
    UNION ALL
    SELECT p.service_id, date_trunc('month', c.occurred_on::timestamp)::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
      FROM crisis_events c JOIN patients p ON p.id = c.patient_id
     WHERE NOT EXISTS (SELECT 1 FROM crisis_event_retractions r WHERE r.event_id = c.id)
  ) x
 GROUP BY service_id, month;

INSERT INTO outcome_practitioner_months (service_id, decided_by, month, assessments, overrides)
SELECT f.service_id, f.decided_by, kaspr_outcome_month_of(f.assessed_at), count(*)::int,
       count(*) FILTER (WHERE f.overridden)::int
  FROM outcome_assessment_facts f
 GROUP BY 1, 2, 3;

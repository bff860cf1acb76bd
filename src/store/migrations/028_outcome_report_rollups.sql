-- What the service outcomes report's per-person measures need, kept at write time so the report reads each row once
-- without sorting (docs/decisions/012). Like migration 027 it holds nothing that is not in the records, is kept by
-- triggers in the writing transaction, and is derived (updated in place); the records stay append-only.
--
-- * outcome_assessment_rows: migration 027's assessment row without the symptom codes (their number, distinct
--   number and bits instead) and with links over all of the person's decided assessments in the order the report
--   numbers them (assessed_at, then assessment id): the position, the previous assessment's instant and confirmed
--   level, and the first assessment after the decision (the one that does its review). A period's first assessment
--   is the one whose previous assessment falls before the period; a review in the period is the link when it falls
--   in the period.
-- * outcome_symptom_bits: a bit per sentinel symptom code, numbered as codes first appear, so a person's distinct
--   codes are one bitwise OR.
-- * outcome_care_plan_rows: one narrow row per care plan with its patient's service (a patient's service never
--   changes), its decision's level, its distinct interventions in order, its key worker, and whether it is the
--   person's first plan naming that key worker.

CREATE TABLE outcome_assessment_rows (
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
  -- The symptom codes recorded, the distinct ones, and their bits (null when a code has no bit).
  symptom_count integer NOT NULL,
  distinct_codes integer NOT NULL,
  code_bits bigint,
  days_used integer,
  sds integer,
  phq9 integer,
  -- Links, set for all of the person's rows whenever one is added.
  seq integer,
  prev_at timestamptz,
  prev_level integer,
  review_at timestamptz
);
CREATE INDEX outcome_assessment_rows_patient ON outcome_assessment_rows (patient_id, assessed_at);
CREATE INDEX outcome_assessment_rows_service ON outcome_assessment_rows (service_id, assessed_at);

-- A code's bit (0 to 62). A 64th distinct code gets none: rows with it keep code_bits null and the report counts
-- that person's codes from migration 027's code arrays.
CREATE TABLE outcome_symptom_bits (
  code text PRIMARY KEY,
  bit integer NOT NULL UNIQUE CHECK (bit BETWEEN 0 AND 62)
);

-- The bits of a list of codes, giving new codes the next free bit; null when a code has none left.
CREATE FUNCTION kaspr_outcome_code_bits(p_codes text[]) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_code text;
  v_bit integer;
  v_bits bigint := 0;
BEGIN
  FOR v_code IN SELECT DISTINCT c FROM unnest(p_codes) c WHERE c IS NOT NULL LOOP
    SELECT b.bit INTO v_bit FROM outcome_symptom_bits b WHERE b.code = v_code;
    IF NOT FOUND THEN
      -- New codes are rare (the codes are a closed list): one writer numbers them at a time.
      LOCK TABLE outcome_symptom_bits IN SHARE ROW EXCLUSIVE MODE;
      SELECT b.bit INTO v_bit FROM outcome_symptom_bits b WHERE b.code = v_code;
      IF NOT FOUND THEN
        SELECT COALESCE(max(b.bit) + 1, 0) INTO v_bit FROM outcome_symptom_bits b;
        IF v_bit > 62 THEN
          RETURN NULL;
        END IF;
        INSERT INTO outcome_symptom_bits (code, bit) VALUES (v_code, v_bit);
      END IF;
    END IF;
    v_bits := v_bits | (1::bigint << v_bit);
  END LOOP;
  RETURN v_bits;
END;
$$;

-- Sets the links of every assessment row of one person (a few rows), changing only those that differ.
CREATE FUNCTION kaspr_outcome_assessment_links(p_patient uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE outcome_assessment_rows m
     SET seq = w.seq, prev_at = w.prev_at, prev_level = w.prev_level, review_at = w.review_at
    FROM (
      SELECT a.decision_id, row_number() OVER o AS seq, lag(a.assessed_at) OVER o AS prev_at,
             lag(a.confirmed_level) OVER o AS prev_level,
             (SELECT min(x.assessed_at) FROM outcome_assessment_rows x
               WHERE x.patient_id = p_patient AND x.assessed_at > a.decided_at) AS review_at
        FROM outcome_assessment_rows a
       WHERE a.patient_id = p_patient
      WINDOW o AS (ORDER BY a.assessed_at, a.assessment_id)
    ) w
   WHERE m.decision_id = w.decision_id
     AND (m.seq IS DISTINCT FROM w.seq::int OR m.prev_at IS DISTINCT FROM w.prev_at
          OR m.prev_level IS DISTINCT FROM w.prev_level OR m.review_at IS DISTINCT FROM w.review_at);
END;
$$;

CREATE FUNCTION kaspr_outcome_assessment_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The same per-person lock as migration 027's rollups: a concurrent write for the person commits first, and each
  -- statement here then sees its rows.
  PERFORM pg_advisory_xact_lock(727027, hashtext(NEW.patient_id::text));
  INSERT INTO outcome_assessment_rows (decision_id, assessment_id, patient_id, service_id, assessed_at, decided_at,
    review_due, proposed_level, confirmed_level, overridden, decided_by, symptom_count, distinct_codes, code_bits,
    days_used, sds, phq9)
  VALUES (NEW.decision_id, NEW.assessment_id, NEW.patient_id, NEW.service_id, NEW.assessed_at, NEW.decided_at,
    NEW.review_due, NEW.proposed_level, NEW.confirmed_level, NEW.overridden, NEW.decided_by,
    cardinality(NEW.symptoms), (SELECT count(DISTINCT c)::int FROM unnest(NEW.symptoms) c),
    kaspr_outcome_code_bits(NEW.symptoms), NEW.days_used, NEW.sds, NEW.phq9);
  PERFORM kaspr_outcome_assessment_links(NEW.patient_id);
  RETURN NULL;
END;
$$;

CREATE TABLE outcome_care_plan_rows (
  care_plan_id uuid PRIMARY KEY,
  patient_id uuid NOT NULL,
  service_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  -- The confirmed level of the plan's decision; null for a plan without one.
  level integer,
  interventions text[] NOT NULL,
  key_worker text,
  -- No earlier plan of the person (by recorded_at, then id) names the same key worker.
  first_of_key_worker boolean NOT NULL
);
CREATE INDEX outcome_care_plan_rows_patient ON outcome_care_plan_rows (patient_id, recorded_at);
CREATE INDEX outcome_care_plan_rows_service ON outcome_care_plan_rows (service_id, recorded_at);

CREATE FUNCTION kaspr_outcome_care_plan_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_key_worker text := NULLIF(NEW.plan->>'keyWorkerId', '');
BEGIN
  PERFORM pg_advisory_xact_lock(727027, hashtext(NEW.patient_id::text));
  INSERT INTO outcome_care_plan_rows (care_plan_id, patient_id, service_id, recorded_at, level, interventions,
    key_worker, first_of_key_worker)
  SELECT NEW.id, NEW.patient_id, p.service_id, NEW.recorded_at, d.confirmed_level,
         ARRAY(SELECT DISTINCT i->>'interventionId' FROM jsonb_array_elements(NEW.plan->'interventions') i ORDER BY 1),
         v_key_worker,
         v_key_worker IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM outcome_care_plan_rows r
            WHERE r.patient_id = NEW.patient_id AND r.key_worker = v_key_worker
              AND (r.recorded_at, r.care_plan_id) < (NEW.recorded_at, NEW.id))
    FROM patients p LEFT JOIN harm_decisions d ON d.id = NEW.decision_id
   WHERE p.id = NEW.patient_id;
  IF v_key_worker IS NOT NULL THEN
    -- A plan recorded as of an earlier instant becomes the first naming its key worker.
    UPDATE outcome_care_plan_rows r SET first_of_key_worker = false
     WHERE r.patient_id = NEW.patient_id AND r.key_worker = v_key_worker AND r.first_of_key_worker
       AND (r.recorded_at, r.care_plan_id) > (NEW.recorded_at, NEW.id);
  END IF;
  RETURN NULL;
END;
$$;

-- The records already held.
INSERT INTO outcome_symptom_bits (code, bit)
SELECT code, (row_number() OVER (ORDER BY code) - 1)::int
  FROM (SELECT DISTINCT c AS code FROM outcome_assessment_measures, unnest(symptoms) c WHERE c IS NOT NULL) x
 ORDER BY code
 LIMIT 63;

INSERT INTO outcome_assessment_rows (decision_id, assessment_id, patient_id, service_id, assessed_at, decided_at,
  review_due, proposed_level, confirmed_level, overridden, decided_by, symptom_count, distinct_codes, code_bits,
  days_used, sds, phq9, seq, prev_at, prev_level, review_at)
SELECT m.decision_id, m.assessment_id, m.patient_id, m.service_id, m.assessed_at, m.decided_at, m.review_due,
       m.proposed_level, m.confirmed_level, m.overridden, m.decided_by, cardinality(m.symptoms),
       (SELECT count(DISTINCT c)::int FROM unnest(m.symptoms) c),
       CASE WHEN EXISTS (SELECT 1 FROM unnest(m.symptoms) c
                          WHERE c IS NOT NULL AND c NOT IN (SELECT b.code FROM outcome_symptom_bits b)) THEN NULL
            ELSE (SELECT COALESCE(sum(DISTINCT 1::bigint << b.bit), 0)::bigint FROM outcome_symptom_bits b
                   WHERE b.code = ANY (m.symptoms)) END,
       m.days_used, m.sds, m.phq9,
       row_number() OVER o, lag(m.assessed_at) OVER o, lag(m.confirmed_level) OVER o,
       (SELECT min(x.assessed_at) FROM outcome_assessment_measures x
         WHERE x.patient_id = m.patient_id AND x.assessed_at > m.decided_at)
  FROM outcome_assessment_measures m
WINDOW o AS (PARTITION BY m.patient_id ORDER BY m.assessed_at, m.assessment_id);

INSERT INTO outcome_care_plan_rows (care_plan_id, patient_id, service_id, recorded_at, level, interventions,
  key_worker, first_of_key_worker)
SELECT c.id, c.patient_id, p.service_id, c.recorded_at, d.confirmed_level,
       ARRAY(SELECT DISTINCT i->>'interventionId' FROM jsonb_array_elements(c.plan->'interventions') i ORDER BY 1),
       NULLIF(c.plan->>'keyWorkerId', ''),
       NULLIF(c.plan->>'keyWorkerId', '') IS NOT NULL
         AND row_number() OVER (PARTITION BY c.patient_id, NULLIF(c.plan->>'keyWorkerId', '')
                                ORDER BY c.recorded_at, c.id) = 1
  FROM care_plans c JOIN patients p ON p.id = c.patient_id LEFT JOIN harm_decisions d ON d.id = c.decision_id;

CREATE TRIGGER outcome_assessment_measures_row AFTER INSERT ON outcome_assessment_measures
  FOR EACH ROW EXECUTE FUNCTION kaspr_outcome_assessment_row();
CREATE TRIGGER care_plans_outcome_row AFTER INSERT ON care_plans
  FOR EACH ROW EXECUTE FUNCTION kaspr_outcome_care_plan_row();

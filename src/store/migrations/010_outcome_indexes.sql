-- Summary tables for the outcomes dashboard (src/store/outcome-series.ts), kept by triggers as records are added.
-- They hold nothing that is not in the clinical records: each row is derived from harm_decisions (with its
-- assessment) or appointment_events, so they are narrow copies that a year of a national service can be counted
-- from quickly (docs/performance.md gives the before and after). Being derived, they are updated in place, not
-- append-only; the records they come from stay append-only. Each row carries its patient's service (a patient never
-- changes service: only their version pointer moves), so a service's year is one index range.

-- One row per decided harm assessment: what the dashboard counts about it.
CREATE TABLE outcome_assessment_facts (
  decision_id uuid PRIMARY KEY REFERENCES harm_decisions(id),
  assessment_id uuid NOT NULL REFERENCES harm_assessments(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  service_id uuid NOT NULL REFERENCES services(id),
  assessed_at timestamptz NOT NULL,
  confirmed_level integer NOT NULL,
  overridden boolean NOT NULL,
  decided_by uuid NOT NULL,
  -- A sentinel symptom recorded, or a confirmed level of 2 or more.
  harm boolean NOT NULL
);
CREATE INDEX outcome_assessment_facts_service ON outcome_assessment_facts (service_id, assessed_at)
  INCLUDE (patient_id, confirmed_level, overridden, decided_by, harm);
CREATE INDEX outcome_assessment_facts_decided_by ON outcome_assessment_facts (decided_by, assessed_at) INCLUDE (patient_id);

-- Each person's first ever decided assessment (earliest assessed_at, then recorded_at, then assessment id).
CREATE TABLE outcome_first_assessments (
  patient_id uuid PRIMARY KEY REFERENCES patients(id),
  service_id uuid NOT NULL REFERENCES services(id),
  assessment_id uuid NOT NULL REFERENCES harm_assessments(id),
  assessed_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  confirmed_level integer NOT NULL
);
CREATE INDEX outcome_first_assessments_service ON outcome_first_assessments (service_id, assessed_at)
  INCLUDE (patient_id, confirmed_level);

-- Each appointment's state: its latest event's status and time.
CREATE TABLE outcome_appointment_states (
  appointment_id uuid PRIMARY KEY REFERENCES appointments(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  service_id uuid NOT NULL REFERENCES services(id),
  practitioner_id uuid,
  last_event_id bigint NOT NULL,
  starts_at timestamptz NOT NULL,
  status text NOT NULL
);
CREATE INDEX outcome_appointment_states_service ON outcome_appointment_states (service_id, starts_at)
  INCLUDE (patient_id, status);
CREATE INDEX outcome_appointment_states_practitioner ON outcome_appointment_states (practitioner_id, starts_at)
  INCLUDE (patient_id, status);

-- Care plans by when they were written, and by the key worker they name (a practitioner's caseload).
CREATE INDEX care_plans_recorded ON care_plans (recorded_at) INCLUDE (patient_id);
CREATE INDEX care_plans_key_worker ON care_plans ((plan->>'keyWorkerId'), recorded_at);

CREATE FUNCTION kaspr_outcome_decision_facts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_assessed_at timestamptz;
  v_recorded_at timestamptz;
  v_symptoms boolean;
  v_service_id uuid;
BEGIN
  SELECT p.service_id INTO v_service_id FROM patients p WHERE p.id = NEW.patient_id;
  SELECT a.assessed_at, a.recorded_at,
         CASE WHEN jsonb_typeof(a.assessment->'symptoms') = 'array' THEN jsonb_array_length(a.assessment->'symptoms') > 0
              ELSE false END
    INTO v_assessed_at, v_recorded_at, v_symptoms
    FROM harm_assessments a WHERE a.id = NEW.assessment_id;
  INSERT INTO outcome_assessment_facts (decision_id, assessment_id, patient_id, service_id, assessed_at, confirmed_level,
    overridden, decided_by, harm)
  VALUES (NEW.id, NEW.assessment_id, NEW.patient_id, v_service_id, v_assessed_at, NEW.confirmed_level, NEW.overridden, NEW.decided_by,
    NEW.confirmed_level >= 2 OR v_symptoms);
  INSERT INTO outcome_first_assessments AS f (patient_id, service_id, assessment_id, assessed_at, recorded_at,
    confirmed_level)
  VALUES (NEW.patient_id, v_service_id, NEW.assessment_id, v_assessed_at, v_recorded_at, NEW.confirmed_level)
  ON CONFLICT (patient_id) DO UPDATE
    SET assessment_id = EXCLUDED.assessment_id, assessed_at = EXCLUDED.assessed_at, recorded_at = EXCLUDED.recorded_at,
        confirmed_level = EXCLUDED.confirmed_level
    WHERE (EXCLUDED.assessed_at, EXCLUDED.recorded_at, EXCLUDED.assessment_id) < (f.assessed_at, f.recorded_at, f.assessment_id);
  RETURN NULL;
END;
$$;

CREATE FUNCTION kaspr_outcome_appointment_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO outcome_appointment_states AS s (appointment_id, patient_id, service_id, practitioner_id, last_event_id,
    starts_at, status)
  SELECT a.id, a.patient_id, p.service_id, a.practitioner_id, NEW.id, NEW.starts_at, NEW.status
    FROM appointments a JOIN patients p ON p.id = a.patient_id
   WHERE a.id = NEW.appointment_id
  ON CONFLICT (appointment_id) DO UPDATE
    SET last_event_id = EXCLUDED.last_event_id, starts_at = EXCLUDED.starts_at, status = EXCLUDED.status
    WHERE EXCLUDED.last_event_id > s.last_event_id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER harm_decisions_outcome_facts AFTER INSERT ON harm_decisions
  FOR EACH ROW EXECUTE FUNCTION kaspr_outcome_decision_facts();
CREATE TRIGGER appointment_events_outcome_state AFTER INSERT ON appointment_events
  FOR EACH ROW EXECUTE FUNCTION kaspr_outcome_appointment_state();

-- The records already held.
INSERT INTO outcome_assessment_facts (decision_id, assessment_id, patient_id, service_id, assessed_at, confirmed_level,
  overridden, decided_by, harm)
SELECT d.id, d.assessment_id, d.patient_id, p.service_id, a.assessed_at, d.confirmed_level, d.overridden, d.decided_by,
       d.confirmed_level >= 2
         OR CASE WHEN jsonb_typeof(a.assessment->'symptoms') = 'array' THEN jsonb_array_length(a.assessment->'symptoms') > 0
                 ELSE false END
  FROM harm_decisions d JOIN harm_assessments a ON a.id = d.assessment_id JOIN patients p ON p.id = d.patient_id;

INSERT INTO outcome_first_assessments (patient_id, service_id, assessment_id, assessed_at, recorded_at, confirmed_level)
SELECT DISTINCT ON (a.patient_id) a.patient_id, p.service_id, a.id, a.assessed_at, a.recorded_at, d.confirmed_level
  FROM harm_decisions d JOIN harm_assessments a ON a.id = d.assessment_id JOIN patients p ON p.id = a.patient_id
 ORDER BY a.patient_id, a.assessed_at, a.recorded_at, a.id;

INSERT INTO outcome_appointment_states (appointment_id, patient_id, service_id, practitioner_id, last_event_id, starts_at,
  status)
SELECT DISTINCT ON (e.appointment_id) e.appointment_id, a.patient_id, p.service_id, a.practitioner_id, e.id, e.starts_at,
       e.status
  FROM appointment_events e JOIN appointments a ON a.id = e.appointment_id JOIN patients p ON p.id = a.patient_id
 ORDER BY e.appointment_id, e.id DESC;

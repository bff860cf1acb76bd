-- Vital signs recorded outside a dosing session: a clinic reading entered on the chart, or one received from
-- another system (FHIR create or Bundle import). A reading holds any of blood pressure (both values), heart rate,
-- SpO2 and respiratory rate. `source_system`/`source_value` keep the identifier the sending system gave the reading
-- (an Observation identifier, or the urn:uuid of its Bundle entry), so importing the same data again finds it
-- instead of adding it twice. Every row is immutable. SQL accepted by PostgreSQL 15 and PGlite.
CREATE TABLE patient_vitals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  taken_at timestamptz NOT NULL,
  systolic integer CHECK (systolic BETWEEN 40 AND 300),
  diastolic integer CHECK (diastolic BETWEEN 20 AND 200),
  heart_rate integer CHECK (heart_rate BETWEEN 20 AND 250),
  spo2 double precision CHECK (spo2 BETWEEN 50 AND 100),
  respiratory_rate integer CHECK (respiratory_rate BETWEEN 2 AND 80),
  source_system text,
  source_value text,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL,
  CHECK ((systolic IS NULL) = (diastolic IS NULL)),
  CHECK (num_nonnulls(systolic, heart_rate, spo2, respiratory_rate) > 0),
  CHECK ((source_system IS NULL) = (source_value IS NULL))
);
CREATE INDEX patient_vitals_patient ON patient_vitals (patient_id, taken_at);
CREATE UNIQUE INDEX patient_vitals_source ON patient_vitals (patient_id, source_system, source_value)
  WHERE source_value IS NOT NULL;

CREATE TRIGGER patient_vitals_no_change BEFORE UPDATE OR DELETE ON patient_vitals
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER patient_vitals_no_truncate BEFORE TRUNCATE ON patient_vitals
  FOR EACH STATEMENT EXECUTE FUNCTION kaspr_refuse_change();

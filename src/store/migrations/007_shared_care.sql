-- Shared care between prescriber and psychotherapist: preparation and integration sessions linked to dosing
-- sessions, care-team messages, REMS monitoring-form submissions. Every row is immutable.

CREATE TABLE therapy_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  kind text NOT NULL CHECK (kind IN ('preparation', 'integration')),
  dosing_session_id uuid REFERENCES treatment_sessions(id),
  held_at timestamptz NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  notes text NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX therapy_sessions_patient ON therapy_sessions (patient_id, held_at);

CREATE TABLE care_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  to_user_id uuid REFERENCES users(id),
  text text NOT NULL,
  sent_at timestamptz NOT NULL,
  sent_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX care_messages_patient ON care_messages (patient_id, sent_at);

CREATE TABLE rems_submissions (
  session_id uuid PRIMARY KEY REFERENCES treatment_sessions(id),
  submitted_at timestamptz NOT NULL,
  reference text,
  recorded_by uuid NOT NULL REFERENCES users(id)
);

CREATE TRIGGER therapy_sessions_no_change BEFORE UPDATE OR DELETE ON therapy_sessions FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER care_messages_no_change BEFORE UPDATE OR DELETE ON care_messages FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER rems_submissions_no_change BEFORE UPDATE OR DELETE ON rems_submissions FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();

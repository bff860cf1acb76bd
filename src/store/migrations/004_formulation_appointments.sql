-- Shared formulation (versioned) and appointments with an append-only status history.

CREATE TABLE formulations (
  patient_id uuid NOT NULL REFERENCES patients(id),
  version integer NOT NULL,
  content jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id),
  PRIMARY KEY (patient_id, version)
);

CREATE TABLE appointments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  service_id uuid NOT NULL REFERENCES services(id),
  practitioner_id uuid REFERENCES users(id),
  contact_type text NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  note text,
  booked_at timestamptz NOT NULL,
  booked_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX appointments_patient ON appointments (patient_id);

-- Each status change is a new row; the latest row is the appointment's state (and its time when rescheduled).
CREATE TABLE appointment_events (
  id bigserial PRIMARY KEY,
  appointment_id uuid NOT NULL REFERENCES appointments(id),
  status text NOT NULL CHECK (status IN ('booked', 'rescheduled', 'cancelled', 'attended', 'did-not-attend')),
  starts_at timestamptz NOT NULL,
  reason text,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX appointment_events_appointment ON appointment_events (appointment_id, id);
CREATE INDEX appointment_events_starts ON appointment_events (starts_at);

CREATE TRIGGER formulations_no_change BEFORE UPDATE OR DELETE ON formulations
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER appointments_no_change BEFORE UPDATE OR DELETE ON appointments
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER appointment_events_no_change BEFORE UPDATE OR DELETE ON appointment_events
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();

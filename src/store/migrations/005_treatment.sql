-- Treatment pathway: referrals, eligibility decisions, consents (with withdrawal), dosing sessions with an
-- append-only flowsheet, and discharges. Every row is immutable.

CREATE TABLE treatment_referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  indication text NOT NULL,
  indication_other text,
  flags jsonb NOT NULL DEFAULT '[]'::jsonb,
  referrer text,
  received_on date,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX treatment_referrals_patient ON treatment_referrals (patient_id);

CREATE TABLE treatment_eligibility (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  route text NOT NULL,
  checklist jsonb NOT NULL,
  flags jsonb NOT NULL,
  decision text NOT NULL CHECK (decision IN ('eligible', 'not-eligible', 'deferred')),
  note text,
  signed_at timestamptz NOT NULL,
  signed_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX treatment_eligibility_patient ON treatment_eligibility (patient_id, signed_at);

CREATE TABLE consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  route text NOT NULL,
  document_id text NOT NULL,
  document_version text NOT NULL,
  signature jsonb NOT NULL,
  witness_user_id uuid REFERENCES users(id),
  signed_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX consents_patient ON consents (patient_id, route);

CREATE TABLE consent_withdrawals (
  consent_id uuid PRIMARY KEY REFERENCES consents(id),
  withdrawn_at timestamptz NOT NULL,
  reason text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id)
);

CREATE TABLE treatment_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  service_id uuid NOT NULL REFERENCES services(id),
  protocol_ref text NOT NULL,
  protocol jsonb NOT NULL,
  setting text NOT NULL,
  consent_id uuid NOT NULL REFERENCES consents(id),
  prechecks jsonb NOT NULL,
  baseline jsonb NOT NULL,
  dose jsonb NOT NULL,
  acls_user_id uuid REFERENCES users(id),
  started_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX treatment_sessions_patient ON treatment_sessions (patient_id, started_at);

CREATE TABLE session_events (
  id bigserial PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES treatment_sessions(id),
  kind text NOT NULL,
  data jsonb NOT NULL,
  at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX session_events_session ON session_events (session_id, at);

CREATE TABLE session_discharges (
  session_id uuid PRIMARY KEY REFERENCES treatment_sessions(id),
  discharged_at timestamptz NOT NULL,
  no_driving_until timestamptz NOT NULL,
  summary jsonb NOT NULL,
  discharged_by uuid NOT NULL REFERENCES users(id)
);

CREATE TRIGGER treatment_referrals_no_change BEFORE UPDATE OR DELETE ON treatment_referrals FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER treatment_eligibility_no_change BEFORE UPDATE OR DELETE ON treatment_eligibility FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER consents_no_change BEFORE UPDATE OR DELETE ON consents FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER consent_withdrawals_no_change BEFORE UPDATE OR DELETE ON consent_withdrawals FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER treatment_sessions_no_change BEFORE UPDATE OR DELETE ON treatment_sessions FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER session_events_no_change BEFORE UPDATE OR DELETE ON session_events FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER session_discharges_no_change BEFORE UPDATE OR DELETE ON session_discharges FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();

-- Onward referrals with their target times, and crisis events: what the alignment ("level 3–4 referrals done
-- within their target time") and escalation ("crisis events per month") outcome measures count (C6).
-- Every row is immutable: a referral is made or cancelled by a new event row, and a crisis event recorded in
-- error is retracted by a new row that names it and says why.

CREATE TABLE onward_referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  service_id uuid NOT NULL REFERENCES services(id),
  decision_id uuid REFERENCES harm_decisions(id),
  destination text NOT NULL,
  confirmed_level integer NOT NULL CHECK (confirmed_level BETWEEN 1 AND 4),
  decided_on date NOT NULL,
  target_days integer NOT NULL CHECK (target_days BETWEEN 0 AND 365),
  reason text,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX onward_referrals_patient ON onward_referrals (patient_id, decided_on);
CREATE INDEX onward_referrals_service ON onward_referrals (service_id, decided_on);

CREATE TABLE onward_referral_events (
  id bigserial PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES onward_referrals(id),
  kind text NOT NULL CHECK (kind IN ('made', 'cancelled')),
  on_date date NOT NULL,
  note text,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id),
  UNIQUE (referral_id)
);

CREATE TABLE crisis_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  service_id uuid NOT NULL REFERENCES services(id),
  occurred_on date NOT NULL,
  kind text NOT NULL,
  note text,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX crisis_events_patient ON crisis_events (patient_id, occurred_on);
CREATE INDEX crisis_events_service ON crisis_events (service_id, occurred_on);

CREATE TABLE crisis_event_retractions (
  event_id uuid PRIMARY KEY REFERENCES crisis_events(id),
  reason text NOT NULL CHECK (length(reason) > 0),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id)
);

CREATE TRIGGER onward_referrals_no_change BEFORE UPDATE OR DELETE ON onward_referrals
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER onward_referral_events_no_change BEFORE UPDATE OR DELETE ON onward_referral_events
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER crisis_events_no_change BEFORE UPDATE OR DELETE ON crisis_events
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER crisis_event_retractions_no_change BEFORE UPDATE OR DELETE ON crisis_event_retractions
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();

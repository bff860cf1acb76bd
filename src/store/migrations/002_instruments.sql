-- Questionnaires: imported definitions, saved responses, safety alerts and tasks, self-report links.

CREATE TABLE instrument_definitions (
  row_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  id text NOT NULL,
  version text NOT NULL,
  definition jsonb NOT NULL,
  imported_at timestamptz NOT NULL,
  imported_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX instrument_definitions_latest ON instrument_definitions (id, imported_at DESC);

CREATE TABLE questionnaire_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  instrument_id text NOT NULL,
  instrument_version text NOT NULL,
  answers jsonb NOT NULL,
  result jsonb NOT NULL,
  total integer,
  completeness text NOT NULL,
  completed_at timestamptz NOT NULL,
  source text NOT NULL CHECK (source IN ('clinician', 'self-report')),
  recorded_at timestamptz NOT NULL,
  recorded_by uuid REFERENCES users(id),
  self_report_link_id uuid
);
CREATE INDEX questionnaire_responses_patient ON questionnaire_responses (patient_id, instrument_id, completed_at);

CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  code text NOT NULL,
  severity text NOT NULL,
  text text NOT NULL,
  source_type text NOT NULL,
  source_id text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX alerts_patient ON alerts (patient_id, created_at);

CREATE TABLE alert_acknowledgements (
  alert_id uuid PRIMARY KEY REFERENCES alerts(id),
  acknowledged_by uuid NOT NULL REFERENCES users(id),
  acknowledged_at timestamptz NOT NULL,
  note text
);

CREATE TABLE tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  service_id uuid NOT NULL REFERENCES services(id),
  assigned_to uuid REFERENCES users(id),
  title text NOT NULL,
  detail text NOT NULL,
  priority text NOT NULL,
  source_type text NOT NULL,
  source_id text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX tasks_assigned ON tasks (assigned_to, created_at);
CREATE INDEX tasks_service ON tasks (service_id, created_at);

CREATE TABLE task_completions (
  task_id uuid PRIMARY KEY REFERENCES tasks(id),
  completed_by uuid NOT NULL REFERENCES users(id),
  completed_at timestamptz NOT NULL,
  note text
);

CREATE TABLE self_report_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  patient_id uuid NOT NULL REFERENCES patients(id),
  instrument_ids text[] NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

-- A link is used once: the primary key refuses a second use, even from two submissions at the same moment.
CREATE TABLE self_report_uses (
  link_id uuid PRIMARY KEY REFERENCES self_report_links(id),
  used_at timestamptz NOT NULL
);

CREATE TRIGGER instrument_definitions_no_change BEFORE UPDATE OR DELETE ON instrument_definitions
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER questionnaire_responses_no_change BEFORE UPDATE OR DELETE ON questionnaire_responses
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER alerts_no_change BEFORE UPDATE OR DELETE ON alerts
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER alert_acknowledgements_no_change BEFORE UPDATE OR DELETE ON alert_acknowledgements
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER tasks_no_change BEFORE UPDATE OR DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER task_completions_no_change BEFORE UPDATE OR DELETE ON task_completions
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER self_report_links_no_change BEFORE UPDATE OR DELETE ON self_report_links
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER self_report_uses_no_change BEFORE UPDATE OR DELETE ON self_report_uses
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();

-- Harm pathway: content packs (versioned), assessments (versioned), clinician decisions, care plans,
-- formulations and supervision notes. Every row is immutable; a change is a new row.

CREATE TABLE harm_content_packs (
  pack_id text NOT NULL,
  version text NOT NULL,
  content jsonb NOT NULL,
  loaded_at timestamptz NOT NULL,
  loaded_by uuid REFERENCES users(id),
  PRIMARY KEY (pack_id, version)
);

CREATE TABLE harm_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  corrects uuid REFERENCES harm_assessments(id),
  correction_reason text,
  assessment jsonb NOT NULL,
  context jsonb NOT NULL DEFAULT '{}'::jsonb,
  evaluation jsonb NOT NULL,
  proposed_level integer NOT NULL CHECK (proposed_level BETWEEN 1 AND 4),
  content_version text NOT NULL,
  assessed_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX harm_assessments_patient ON harm_assessments (patient_id, assessed_at);

CREATE TABLE harm_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id uuid NOT NULL UNIQUE REFERENCES harm_assessments(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  proposed_level integer NOT NULL,
  confirmed_level integer NOT NULL CHECK (confirmed_level BETWEEN 1 AND 4),
  overridden boolean NOT NULL,
  reason text,
  review_due date NOT NULL,
  decided_at timestamptz NOT NULL,
  decided_by uuid NOT NULL REFERENCES users(id),
  CHECK (NOT overridden OR (reason IS NOT NULL AND length(reason) > 0))
);
CREATE INDEX harm_decisions_patient ON harm_decisions (patient_id, decided_at);

CREATE TABLE care_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  version integer NOT NULL,
  plan jsonb NOT NULL,
  review_due date NOT NULL,
  decision_id uuid REFERENCES harm_decisions(id),
  reason text,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id),
  UNIQUE (patient_id, version)
);

CREATE TABLE supervision_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_type text NOT NULL,
  item_id text NOT NULL,
  patient_id uuid REFERENCES patients(id),
  note text NOT NULL,
  signed_off boolean NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX supervision_notes_item ON supervision_notes (item_type, item_id);

CREATE TRIGGER harm_content_packs_no_change BEFORE UPDATE OR DELETE ON harm_content_packs
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER harm_assessments_no_change BEFORE UPDATE OR DELETE ON harm_assessments
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER harm_decisions_no_change BEFORE UPDATE OR DELETE ON harm_decisions
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER care_plans_no_change BEFORE UPDATE OR DELETE ON care_plans
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER supervision_notes_no_change BEFORE UPDATE OR DELETE ON supervision_notes
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();

-- Calibration vignettes (C6): anonymised written cases a supervisor sets (harm assessment inputs plus narrative,
-- with a reference level and the rules engine's level), and each practitioner's one independent rating.
-- No patient data. Every row is immutable.

CREATE TABLE calibration_vignettes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES services(id),
  title text NOT NULL,
  narrative text NOT NULL,
  assessment jsonb NOT NULL,
  reference_level integer NOT NULL CHECK (reference_level BETWEEN 1 AND 4),
  engine_level integer NOT NULL CHECK (engine_level BETWEEN 1 AND 4),
  content_version text NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX calibration_vignettes_service ON calibration_vignettes (service_id, created_at);

CREATE TABLE calibration_ratings (
  vignette_id uuid NOT NULL REFERENCES calibration_vignettes(id),
  rater_id uuid NOT NULL REFERENCES users(id),
  level integer NOT NULL CHECK (level BETWEEN 1 AND 4),
  rationale text,
  rated_at timestamptz NOT NULL,
  UNIQUE (vignette_id, rater_id)
);

CREATE TRIGGER calibration_vignettes_no_change BEFORE UPDATE OR DELETE ON calibration_vignettes
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER calibration_ratings_no_change BEFORE UPDATE OR DELETE ON calibration_ratings
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();

-- Per-service protocol settings: every change is a new version holding the service's complete set of
-- overrides (dotted setting path → value), with who changed it, when and why. Rows are never changed.

CREATE TABLE protocol_setting_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES services(id),
  protocol_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  overrides jsonb NOT NULL DEFAULT '{}'::jsonb,
  reason text NOT NULL,
  changed_at timestamptz NOT NULL,
  changed_by uuid NOT NULL REFERENCES users(id),
  UNIQUE (service_id, protocol_id, version)
);

CREATE TRIGGER protocol_setting_versions_no_change BEFORE UPDATE OR DELETE ON protocol_setting_versions
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();

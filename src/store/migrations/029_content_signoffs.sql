-- Clinical content sign-off: who reviewed the shipped clinical content (instruments, harm pack, protocols and the
-- service's thresholds) and signed it off for a service, naming the exact versions in force at that moment.
-- A later change of any version needs a new sign-off. Rows are never changed or deleted.
-- SQL accepted by PostgreSQL 15 and PGlite (PostgreSQL 18).

CREATE TABLE content_signoffs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES services(id),
  -- The versions signed off: { instruments: [id@version], harmPack: id@version, protocols: [id@version],
  -- thresholds: [protocol-id#settings-version] } (settings version 0: the shipped defaults).
  content jsonb NOT NULL,
  note text,
  signed_off_at timestamptz NOT NULL,
  signed_off_by uuid NOT NULL REFERENCES users(id)
);
CREATE INDEX content_signoffs_service ON content_signoffs (service_id, signed_off_at DESC);

CREATE TRIGGER content_signoffs_no_change BEFORE UPDATE OR DELETE ON content_signoffs
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();

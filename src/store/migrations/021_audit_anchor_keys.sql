-- Which audit anchor keys have signed anchors for this database: a fingerprint of each key (an HMAC of a fixed
-- label, never the key itself), when a server first used it and how many audit entries existed then. Lets a
-- start, a restore and `kaspr audit verify` warn when the key is new while the audit log is not empty (anchors
-- signed before with another key no longer verify). Append-only. SQL accepted by PostgreSQL 15 and PGlite.
CREATE TABLE audit_anchor_keys (
  fingerprint text PRIMARY KEY,
  first_used_at timestamptz NOT NULL,
  audit_entries_then bigint NOT NULL
);
CREATE TRIGGER audit_anchor_keys_no_change BEFORE UPDATE OR DELETE ON audit_anchor_keys
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER audit_anchor_keys_no_truncate BEFORE TRUNCATE ON audit_anchor_keys
  FOR EACH STATEMENT EXECUTE FUNCTION kaspr_refuse_change();

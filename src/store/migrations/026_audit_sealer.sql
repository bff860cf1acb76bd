-- The audit chain off the request path (decision record 016). A request appends its entry with no lock: the row
-- gets `entry_id` from a sequence (append order, never reused) and is written in the same transaction as the
-- change it records, with `seq`, `prev_hash` and `hash` empty. One sealer at a time (an advisory lock) later
-- gives the committed pending entries, in `entry_id` order, the next gapless chain positions and their hashes.
-- Sealing is the only change an entry may ever undergo: the trigger refuses any other UPDATE, every DELETE and
-- TRUNCATE. Entries written before this migration keep their chain and get `entry_id = seq`.
-- SQL accepted by PostgreSQL 15 and PGlite.
DROP TRIGGER audit_log_no_change ON audit_log;

ALTER TABLE audit_log ADD COLUMN entry_id bigint;
UPDATE audit_log SET entry_id = seq;
ALTER TABLE audit_log ALTER COLUMN entry_id SET NOT NULL;
CREATE SEQUENCE audit_log_entry_id_seq OWNED BY audit_log.entry_id;
SELECT setval('audit_log_entry_id_seq', coalesce((SELECT max(seq) FROM audit_log), 0) + 1, false);
ALTER TABLE audit_log ALTER COLUMN entry_id SET DEFAULT nextval('audit_log_entry_id_seq');

ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log ADD PRIMARY KEY (entry_id);
ALTER TABLE audit_log ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL;
CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);
ALTER TABLE audit_log ADD CONSTRAINT audit_log_sealed_whole
  CHECK ((seq IS NULL AND prev_hash IS NULL AND hash IS NULL)
      OR (seq IS NOT NULL AND prev_hash IS NOT NULL AND hash IS NOT NULL));
-- The sealer's work list, and the auditor's views by patient in append order.
CREATE INDEX audit_log_pending ON audit_log (entry_id) WHERE seq IS NULL;
DROP INDEX audit_log_patient;
CREATE INDEX audit_log_patient_entry ON audit_log (patient_id, entry_id);

-- An entry may be sealed once (its chain fields set from empty) and never changed otherwise.
CREATE FUNCTION kaspr_audit_seal_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
     AND NEW.entry_id = OLD.entry_id
     AND NEW.at = OLD.at
     AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
     AND NEW.action = OLD.action
     AND NEW.resource_type = OLD.resource_type
     AND NEW.resource_id IS NOT DISTINCT FROM OLD.resource_id
     AND NEW.patient_id IS NOT DISTINCT FROM OLD.patient_id
     AND NEW.outcome = OLD.outcome
     AND NEW.ip IS NOT DISTINCT FROM OLD.ip
     AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
     AND NEW.flagged = OLD.flagged
     AND NEW.details = OLD.details THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'kaspr: % on % is not allowed: records are append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION kaspr_audit_seal_only();

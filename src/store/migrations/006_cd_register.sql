-- Controlled-drug register (capability C5): products, stock locations, and an append-only, hash-chained
-- register of entries. Balances are never stored: they are the sums of the entries' effects.
-- SQL accepted by PostgreSQL 15 and PGlite (PostgreSQL 18).

CREATE TABLE cd_products (
  id uuid PRIMARY KEY,
  drug text NOT NULL,
  form text NOT NULL,
  strength jsonb NOT NULL,
  container_name text NOT NULL,
  mg_per_container numeric(16,3) NOT NULL CHECK (mg_per_container > 0),
  code_system text NOT NULL CHECK (code_system IN ('ndc', 'dmd', 'other')),
  code_value text NOT NULL,
  schedule jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id)
);

CREATE TABLE cd_locations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  premises text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id)
);
CREATE UNIQUE INDEX cd_locations_premises_name ON cd_locations (lower(premises), lower(name));

-- One chain for the whole register: seq is gapless, allocated inside the writing transaction under an
-- advisory lock (never from a sequence, so a rolled-back write leaves no hole).
CREATE TABLE cd_entries (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  id uuid NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('receipt', 'administration', 'waste', 'transfer', 'return',
    'destruction', 'loss', 'count', 'correction')),
  product_id uuid NOT NULL REFERENCES cd_products(id),
  location_id uuid NOT NULL REFERENCES cd_locations(id),
  counterparty_location_id uuid REFERENCES cd_locations(id),
  containers integer NOT NULL CHECK (containers >= 0),
  mg numeric(16,3) NOT NULL CHECK (mg >= 0),
  -- The transaction time exactly as entered, with its offset: the register date is its local date.
  occurred_at text NOT NULL,
  occurred_instant timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  author_id uuid NOT NULL REFERENCES users(id),
  witnesses jsonb NOT NULL DEFAULT '[]'::jsonb,
  patient_id uuid REFERENCES patients(id),
  session_id text,
  administered_by_id uuid REFERENCES users(id),
  prescriber_id uuid REFERENCES users(id),
  corrects_entry_id uuid REFERENCES cd_entries(id),
  reason text,
  late_entry_reason text,
  -- Kind-specific fields: supplier, invoiceNumber, lot, expiry, destructionMethod, theft, expected.
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Signed changes to stock per location; balances are their sums.
  effects jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE,
  -- A witness is never the author (security.md R25), whatever writes the row.
  CONSTRAINT cd_entries_witness_not_author
    CHECK (NOT (witnesses @> jsonb_build_array(jsonb_build_object('userId', author_id::text)))),
  CONSTRAINT cd_entries_correction_target CHECK ((kind = 'correction') = (corrects_entry_id IS NOT NULL))
);
CREATE INDEX cd_entries_product_location ON cd_entries (product_id, location_id, seq);
CREATE INDEX cd_entries_patient ON cd_entries (patient_id);
CREATE INDEX cd_entries_corrects ON cd_entries (corrects_entry_id);

-- The register is indelible (MDR reg 20(c)/(d), security.md R21); products and locations it names never change.
CREATE TRIGGER cd_entries_no_change BEFORE UPDATE OR DELETE ON cd_entries
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER cd_entries_no_truncate BEFORE TRUNCATE ON cd_entries
  FOR EACH STATEMENT EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER cd_products_no_change BEFORE UPDATE OR DELETE ON cd_products
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER cd_products_no_truncate BEFORE TRUNCATE ON cd_products
  FOR EACH STATEMENT EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER cd_locations_no_change BEFORE UPDATE OR DELETE ON cd_locations
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER cd_locations_no_truncate BEFORE TRUNCATE ON cd_locations
  FOR EACH STATEMENT EXECUTE FUNCTION kaspr_refuse_change();

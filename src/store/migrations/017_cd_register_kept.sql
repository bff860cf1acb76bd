-- Controlled-drug register: figures kept beside the entries so a write and a read cost the same however long
-- the register grows. Both tables are DERIVED data (recomputable from cd_entries at any time; `kaspr ledger
-- verify` does so and names any difference), not clinical records, so they are updated in place.
-- SQL accepted by PostgreSQL 15 and PGlite (PostgreSQL 18).

-- Running stock per product and location: the sums of the entries' effects, maintained in the same transaction
-- (under the register lock) as every entry appended. last_seq is the latest entry that changed it.
CREATE TABLE cd_balances (
  product_id uuid NOT NULL REFERENCES cd_products(id),
  location_id uuid NOT NULL REFERENCES cd_locations(id),
  containers bigint NOT NULL,
  mg numeric(20,3) NOT NULL,
  last_seq bigint NOT NULL,
  PRIMARY KEY (product_id, location_id)
);

INSERT INTO cd_balances (product_id, location_id, containers, mg, last_seq)
SELECT e.product_id, (f.value->>'locationId')::uuid, sum((f.value->>'containers')::bigint),
       sum((f.value->>'mg')::numeric), max(e.seq)
FROM cd_entries e CROSS JOIN LATERAL jsonb_array_elements(e.effects) AS f(value)
GROUP BY e.product_id, (f.value->>'locationId')::uuid;

-- Which patients' entries each stock location holds: how a location is tied to services (a location has no
-- service of its own; it belongs to the services of the patients whose doses it holds, see the register scope).
CREATE TABLE cd_location_patients (
  location_id uuid NOT NULL REFERENCES cd_locations(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  PRIMARY KEY (location_id, patient_id)
);

INSERT INTO cd_location_patients (location_id, patient_id)
SELECT DISTINCT l.location_id, e.patient_id
FROM cd_entries e
CROSS JOIN LATERAL (VALUES (e.location_id), (e.counterparty_location_id)) AS l(location_id)
WHERE e.patient_id IS NOT NULL AND l.location_id IS NOT NULL;

-- The latest entry of a product (the time order check) without reading the product's history.
CREATE INDEX cd_entries_product_seq ON cd_entries (product_id, seq);

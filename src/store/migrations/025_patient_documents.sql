-- Documents received for a patient from another system (FHIR DocumentReference create or Bundle import): a letter,
-- a scanned form, an ECG. The content is kept as received (PDF, PNG, JPEG or plain text, at most 10 MB) with its
-- size and SHA-1, and served as a Binary by URL, never inline in the DocumentReference. `source_system`/
-- `source_value` keep the sender's identifier for it, so sending it again finds it. Every row is immutable.
-- SQL accepted by PostgreSQL 15 and PGlite.
CREATE TABLE patient_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  type_system text,
  type_code text,
  type_display text,
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg', 'text/plain')),
  content bytea NOT NULL,
  size integer NOT NULL CHECK (size BETWEEN 1 AND 10485760),
  sha1 text NOT NULL,
  document_date timestamptz,
  source_system text,
  source_value text,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL,
  CHECK ((source_system IS NULL) = (source_value IS NULL))
);
CREATE INDEX patient_documents_patient ON patient_documents (patient_id, recorded_at);
CREATE UNIQUE INDEX patient_documents_source ON patient_documents (patient_id, source_system, source_value)
  WHERE source_value IS NOT NULL;

CREATE TRIGGER patient_documents_no_change BEFORE UPDATE OR DELETE ON patient_documents
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER patient_documents_no_truncate BEFORE TRUNCATE ON patient_documents
  FOR EACH STATEMENT EXECUTE FUNCTION kaspr_refuse_change();

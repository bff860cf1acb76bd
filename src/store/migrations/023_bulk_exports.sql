-- FHIR Bulk Data export jobs ($export): one row per kick-off, run in the background by the server and restarted
-- from scratch after a restart while accepted or in progress. The services the user worked in at kick-off are kept
-- with the job, so the export shows what the user could see then. Files are NDJSON parts of one resource type each
-- (or OperationOutcome for error[]), split at a size limit, removed on cancel and when the job expires. A user has at
-- most one running export (the partial unique index). SQL accepted by PostgreSQL 15 and PGlite.
CREATE TABLE bulk_exports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  status text NOT NULL CHECK (status IN ('accepted', 'in-progress', 'complete', 'failed', 'cancelled')),
  level text NOT NULL CHECK (level IN ('system', 'patient', 'group')),
  request_url text NOT NULL,
  service_ids uuid[] NOT NULL,
  patient_ids uuid[],
  types text[] NOT NULL,
  since text,
  warnings jsonb NOT NULL DEFAULT '[]',
  progress text,
  error text,
  transaction_time timestamptz NOT NULL,
  completed_at timestamptz,
  expires_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX bulk_exports_one_running ON bulk_exports (user_id) WHERE status IN ('accepted', 'in-progress');
CREATE INDEX bulk_exports_expiry ON bulk_exports (expires_at);

CREATE TABLE bulk_export_files (
  export_id uuid NOT NULL REFERENCES bulk_exports(id) ON DELETE CASCADE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('output', 'error')),
  type text NOT NULL,
  seq integer NOT NULL,
  count integer NOT NULL,
  body text NOT NULL,
  PRIMARY KEY (export_id, name)
);

-- Idempotency keys for writes (Idempotency-Key header): a retried request with the same key replays the first
-- response instead of recording twice. A cache table, not a clinical record: rows are updated in place (claimed
-- 'in-progress', then 'done' with the response) and deleted once expired (24 h). The stored response body is
-- health data: it is kept here only, never logged. SQL accepted by PostgreSQL 15 and PGlite (PostgreSQL 18).
CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL,
  method text NOT NULL,
  route text NOT NULL,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  state text NOT NULL CHECK (state IN ('in-progress', 'done')),
  status_code integer,
  response_headers jsonb,
  response_body bytea,
  created_at timestamptz NOT NULL,
  completed_at timestamptz,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, method, route, idempotency_key)
);

CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);
